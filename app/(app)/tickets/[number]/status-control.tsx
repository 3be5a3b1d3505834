"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import { TICKET_STATUSES } from "@/lib/validations/tickets";
import { setStatusAction } from "./actions";

const LABELS: Record<string, string> = { open: "Open", pending: "Pending", resolved: "Resolved", closed: "Closed" };

/** The four statuses as one row of buttons at the top of the ticket; the current one is pressed. */
export function StatusControl({ ticket, status }: { ticket: number; status: string }) {
  const [state, action, pending] = useActionState(setStatusAction, IDLE);
  return (
    <form action={action} className="mt-3 flex flex-wrap items-center gap-3" data-action="Set status">
      <input type="hidden" name="ticket" value={ticket} />
      <div role="group" aria-label="Set status" className="inline-flex rounded-md shadow-sm ring-1 ring-slate-300">
        {TICKET_STATUSES.map((s, i) => (
          <button
            key={s}
            type="submit"
            name="target"
            value={s}
            aria-pressed={s === status}
            data-status-target={s}
            disabled={pending || s === status}
            className={`px-3 py-1 text-sm font-medium ${i ? "border-l border-slate-300" : "rounded-l-md"} ${i === TICKET_STATUSES.length - 1 ? "rounded-r-md" : ""} ${s === status ? "bg-indigo-600 text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}
          >
            {LABELS[s] ?? s}
          </button>
        ))}
      </div>
      <FormMessage state={state} />
    </form>
  );
}
