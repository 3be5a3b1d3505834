"use client";

import { useEffect, useRef } from "react";

/**
 * A native modal <dialog>: the browser keeps the focus inside, closes it on Escape, hides the page
 * from assistive technology and gives the focus back where it was.
 */
export function ModalDialog({
  open,
  onClose,
  className = "",
  children,
  ...aria
}: {
  open: boolean;
  onClose: () => void;
  className?: string;
  children: React.ReactNode;
  "aria-label"?: string;
  "aria-labelledby"?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // The dialog focuses its first focusable element; the content may name a better one.
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      {...aria}
      onClose={onClose}
      // A click on the backdrop lands on the dialog itself.
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      className={`mx-auto mt-[12vh] w-[calc(100%-2rem)] rounded-lg bg-white p-0 text-slate-900 shadow-xl ring-1 ring-slate-200 backdrop:bg-black/50 ${className}`}
    >
      {open ? children : null}
    </dialog>
  );
}
