"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { CaseStatusBadge } from "@/components/case-status/case-status-badge";
import { RowPresence } from "@/components/live/live-list";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Snippet } from "@/components/ui/snippet";
import { IDLE } from "@/lib/action-state";
import type { TicketRow } from "@/lib/services/tickets/list-tickets";
import { TICKET_PRIORITIES, TICKET_STATUSES } from "@/lib/validations/tickets";
import { bulkUpdateAction } from "./actions";
import { TimeAgo } from "@/components/ui/time-ago";

type Option = { id: string; name: string };
type BulkResult = { ticket: number; result: string; error?: { code: string; message: string } };

const CELL = "px-3 py-1 md:py-2";

/** The ticket rows with a checkbox each, and one change set for the selected tickets. */
export function TicketTable({ tickets, agents, teams }: { tickets: TicketRow[]; agents: Option[]; teams: Option[] }) {
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [state, action, pending] = useActionState(bulkUpdateAction, IDLE);
  const allSelected = tickets.length > 0 && tickets.every((t) => selected.has(t.number));
  const toggle = (number: number) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(number)) next.delete(number);
      else next.add(number);
      return next;
    });
  const results = (state.data?.results as BulkResult[] | undefined) ?? [];
  const refused = results.filter((r) => r.result === "refused");

  return (
    <>
      {selected.size > 0 ? (
        <form
          action={action}
          aria-label="Change selected tickets"
          className="grid grid-cols-2 gap-2 border-b border-slate-200 bg-indigo-50 p-3 md:grid-cols-7"
        >
          {[...selected].map((n) => (
            <input key={n} type="hidden" name="tickets" value={n} />
          ))}
          <p className="col-span-2 text-sm font-medium text-indigo-900 md:col-span-7" data-testid="selected-count">
            {selected.size} selected
          </p>
          <BulkSelect name="status" label="Status" options={TICKET_STATUSES.map((s) => [s, s])} />
          <BulkSelect name="priority" label="Priority" options={TICKET_PRIORITIES.map((p) => [p, p])} />
          <BulkSelect
            name="assignee"
            label="Assignee"
            options={[["me", "Me"], ["unassigned", "Nobody"], ...agents.map((a) => [a.id, a.name] as [string, string])]}
          />
          <BulkSelect name="team" label="Team" options={teams.map((t) => [t.id, t.name])} />
          <input name="add_tags" aria-label="Add tags" placeholder="Add tags: a, b" className={INPUT_CLASS} />
          <input name="remove_tags" aria-label="Remove tags" placeholder="Remove tags" className={INPUT_CLASS} />
          <Button type="submit" disabled={pending}>
            Apply to {selected.size}
          </Button>
        </form>
      ) : null}
      {state.status !== "idle" ? (
        <div className="border-b border-slate-200 p-3" data-testid="bulk-results">
          <FormMessage state={state} />
          {refused.length > 0 ? (
            <ul className="mt-1 text-xs text-rose-700">
              {refused.map((r) => (
                <li key={r.ticket}>
                  #{r.ticket}: {r.error?.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <table className="block w-full text-sm md:table" data-testid="ticket-list">
        <thead className="hidden bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500 md:table-header-group">
          <tr>
            <th className="w-8 px-3 py-2">
              <input
                type="checkbox"
                aria-label="Select all on this page"
                checked={allSelected}
                onChange={() => setSelected(allSelected ? new Set() : new Set(tickets.map((t) => t.number)))}
              />
            </th>
            <th className="px-3 py-2">#</th>
            <th className="px-3 py-2">Subject</th>
            <th className="px-3 py-2">Status</th>
            <th className="px-3 py-2">Priority</th>
            <th className="px-3 py-2">Assignee</th>
            <th className="px-3 py-2">Team</th>
            <th className="px-3 py-2">Updated</th>
          </tr>
        </thead>
        <tbody className="block divide-y divide-slate-100 md:table-row-group">
          <tr className="flex items-center gap-2 bg-slate-50 px-3 py-2 text-xs text-slate-500 md:hidden">
            <td>
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(tickets.map((t) => t.number)))}
                />
                Select all
              </label>
            </td>
          </tr>
          {tickets.map((t) => (
            <tr
              key={t.id}
              className="flex flex-wrap items-center py-1 hover:bg-slate-50 md:table-row md:py-0"
              data-testid="ticket-row"
              data-list-item
              data-number={t.number}
              data-status={t.status}
              data-priority={t.priority}
            >
              <td className={`${CELL} md:w-8`}>
                <input
                  type="checkbox"
                  aria-label={`Select ticket ${t.number}`}
                  checked={selected.has(t.number)}
                  onChange={() => toggle(t.number)}
                />
              </td>
              <td className={`${CELL} pl-0 text-slate-500 md:pl-3`}>{t.number}</td>
              <td className={`${CELL} w-full min-w-0 break-words md:w-auto`}>
                <Link href={`/tickets/${t.number}`} className="font-medium text-slate-900 hover:text-indigo-700">
                  {t.subject}
                </Link>
                {t.snippet ? <Snippet text={t.snippet} /> : null}
                <div className="mt-0.5 flex flex-wrap gap-1 text-xs text-slate-500">
                  <span>{t.contact?.name}</span>
                  <RowPresence ticket={t.number} />
                  {t.tags.map((tag) => (
                    <Badge key={tag}>{tag}</Badge>
                  ))}
                </div>
              </td>
              <td className={CELL}>
                <div className="flex flex-col items-start gap-1">
                  <Badge tone={t.status}>{t.status}</Badge>
                  {t.case_status ? <CaseStatusBadge name={t.case_status.name} color={t.case_status.color} /> : null}
                  {t.sla_breached ? (
                    <span
                      className="rounded bg-rose-100 px-1.5 py-0.5 text-xs font-medium text-rose-800"
                      data-testid="sla-breached-badge"
                    >
                      SLA breached
                    </span>
                  ) : t.sla_due_at ? (
                    <span className="text-xs text-slate-500" title="Next SLA due time">
                      SLA due <TimeAgo date={t.sla_due_at} />
                    </span>
                  ) : null}
                </div>
              </td>
              <td className={CELL}>
                <Badge tone={t.priority}>{t.priority}</Badge>
              </td>
              <td className={`${CELL} text-slate-700`}>
                {t.assignee?.name ?? <span className="text-slate-500">Unassigned</span>}
              </td>
              <td className={`${CELL} text-slate-700`}>{t.team?.name ?? "—"}</td>
              <td className={`${CELL} text-slate-500`}>
                <TimeAgo date={t.updated_at} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function BulkSelect({ name, label, options }: { name: string; label: string; options: [string, string][] }) {
  return (
    <select name={name} defaultValue="" aria-label={label} className={`${INPUT_CLASS} capitalize`}>
      <option value="">{label}: keep</option>
      {options.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
    </select>
  );
}
