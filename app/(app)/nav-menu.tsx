"use client";

import { useState } from "react";

/**
 * The header's links: a row from tablet width up; on a phone they fold behind a Menu button so the
 * header stays one line, and following a link folds them again.
 */
export function NavMenu({ children }: { children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="main-nav"
        onClick={() => setOpen((o) => !o)}
        className="rounded-md px-2 py-1 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 md:hidden"
      >
        {open ? "Close menu" : "Menu"}
      </button>
      <nav
        id="main-nav"
        aria-label="Main"
        onClick={(event) => {
          if ((event.target as HTMLElement).closest("a")) setOpen(false);
        }}
        className={`${open ? "grid" : "hidden"} order-last w-full grid-cols-2 gap-x-4 gap-y-2 py-1 text-sm text-slate-600 md:order-none md:flex md:w-auto md:flex-wrap md:gap-y-1 md:py-0`}
      >
        {children}
      </nav>
    </>
  );
}
