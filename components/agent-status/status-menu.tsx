"use client";

import { useEffect, useRef, useTransition } from "react";
import type { AgentStatus } from "@/lib/generated/prisma/enums";
import { AGENT_STATUSES } from "@/lib/validations/agent-status";
import { STATUS_LABELS, StatusDot } from "./status-dot";

/** The header's status control: shows your status and opens a small menu to change it. */
export function StatusMenu({ status, action }: { status: AgentStatus; action: (form: FormData) => Promise<void> }) {
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const [pending, startTransition] = useTransition();
  // A click or tap anywhere else closes the menu, as menus do.
  useEffect(() => {
    const close = (event: PointerEvent) => {
      const details = detailsRef.current;
      if (details?.open && !details.contains(event.target as Node)) details.removeAttribute("open");
    };
    document.addEventListener("pointerdown", close);
    return () => document.removeEventListener("pointerdown", close);
  }, []);
  return (
    <details ref={detailsRef} className="relative" data-testid="status-menu">
      <summary
        className="flex cursor-pointer list-none items-center rounded-md px-2 py-1 ring-1 ring-slate-300 hover:bg-slate-50"
        aria-label={`Your status: ${STATUS_LABELS[status]}. Change status`}
      >
        <StatusDot status={status} />
      </summary>
      <form
        action={(form) => {
          detailsRef.current?.removeAttribute("open");
          startTransition(() => action(form));
        }}
        className="absolute right-0 z-20 mt-1 w-36 rounded-md bg-white py-1 shadow-lg ring-1 ring-slate-200"
      >
        {AGENT_STATUSES.map((value) => (
          <button
            key={value}
            type="submit"
            name="status"
            value={value}
            disabled={pending}
            aria-pressed={value === status}
            className="flex w-full items-center px-3 py-1.5 text-left hover:bg-slate-50 disabled:opacity-50"
          >
            <StatusDot status={value} />
          </button>
        ))}
      </form>
    </details>
  );
}
