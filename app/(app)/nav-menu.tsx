"use client";

import { useState } from "react";

/**
 * The header's links in one row from tablet width up. On a phone the main ones (primary) stay in
 * view and the rest fold behind a More button, so the header stays short; following a link folds
 * them again.
 */
export function NavMenu({ primary, children }: { primary: React.ReactNode; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="more-links"
        onClick={() => setOpen((o) => !o)}
        className="rounded-md px-2 py-1 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 md:hidden"
      >
        {open ? "Less" : "More"}
      </button>
      <nav
        aria-label="Main"
        onClick={(event) => {
          if ((event.target as HTMLElement).closest("a")) setOpen(false);
        }}
        className="order-last flex w-full flex-wrap gap-x-4 gap-y-2 text-sm text-slate-600 md:order-none md:w-auto md:gap-y-1"
      >
        {primary}
        <div id="more-links" className={`${open ? "contents" : "hidden"} md:contents`}>
          {children}
        </div>
      </nav>
    </>
  );
}
