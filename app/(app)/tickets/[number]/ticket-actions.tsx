"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE, type ActionState } from "@/lib/action-state";
import { TICKET_PRIORITIES } from "@/lib/validations/tickets";
import { addTagsAction, assignAction, priorityAction, removeTagAction, statusAction, transferAction } from "./actions";

type Props = {
  ticket: { number: number; status: string; priority: string; assigneeId: string; teamId: string; tags: string[] };
  agents: { id: string; name: string }[];
  teams: { id: string; name: string }[];
};

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

function ActionForm({
  action,
  label,
  children,
}: {
  action: Action;
  label: string;
  children: (pending: boolean) => React.ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} data-action={label} className="space-y-1.5">
      {children(pending)}
      <FormMessage state={state} />
    </form>
  );
}

export function TicketActions({ ticket, agents, teams }: Props) {
  const hidden = <input type="hidden" name="ticket" value={ticket.number} />;
  const closed = ticket.status === "resolved" || ticket.status === "closed";
  return (
    <section className="space-y-4 rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200">
      <ActionForm action={statusAction} label="Status">
        {(pending) => (
          <>
            {hidden}
            <input type="hidden" name="to" value={closed ? "open" : "resolved"} />
            <Button type="submit" variant={closed ? "secondary" : "primary"} className="w-full" disabled={pending}>
              {closed ? "Reopen ticket" : "Resolve ticket"}
            </Button>
          </>
        )}
      </ActionForm>

      <ActionForm action={assignAction} label="Assignee">
        {(pending) => (
          <>
            {hidden}
            <label htmlFor="assignee" className="block font-medium text-slate-700">
              Assignee
            </label>
            <div className="flex gap-2">
              <select
                id="assignee"
                name="assignee"
                defaultValue={ticket.assigneeId}
                className={INPUT_CLASS}
                key={ticket.assigneeId}
              >
                <option value="">Unassigned</option>
                {agents.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
              <Button type="submit" variant="secondary" disabled={pending}>
                Assign
              </Button>
            </div>
          </>
        )}
      </ActionForm>

      <ActionForm action={transferAction} label="Team">
        {(pending) => (
          <>
            {hidden}
            <label htmlFor="team" className="block font-medium text-slate-700">
              Team
            </label>
            <div className="flex gap-2">
              <select id="team" name="team" defaultValue={ticket.teamId} className={INPUT_CLASS} key={ticket.teamId}>
                <option value="" disabled>
                  Choose a team
                </option>
                {teams.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
              <Button type="submit" variant="secondary" disabled={pending}>
                Transfer
              </Button>
            </div>
          </>
        )}
      </ActionForm>

      <ActionForm action={priorityAction} label="Priority">
        {(pending) => (
          <>
            {hidden}
            <label htmlFor="priority" className="block font-medium text-slate-700">
              Priority
            </label>
            <div className="flex gap-2">
              <select
                id="priority"
                name="priority"
                defaultValue={ticket.priority}
                className={`${INPUT_CLASS} capitalize`}
                key={ticket.priority}
              >
                {TICKET_PRIORITIES.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
              <Button type="submit" variant="secondary" disabled={pending}>
                Set
              </Button>
            </div>
          </>
        )}
      </ActionForm>

      <div className="space-y-1.5">
        <p className="font-medium text-slate-700">Tags</p>
        <ul className="flex flex-wrap gap-1" data-testid="ticket-tags">
          {ticket.tags.map((tag) => (
            <li key={tag}>
              <ActionForm action={removeTagAction} label={`Remove tag ${tag}`}>
                {(pending) => (
                  <>
                    {hidden}
                    <input type="hidden" name="tag" value={tag} />
                    <span className="inline-flex items-center gap-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs">
                      {tag}
                      <button
                        type="submit"
                        aria-label={`Remove tag ${tag}`}
                        disabled={pending}
                        className="text-slate-400 hover:text-rose-600"
                      >
                        ×
                      </button>
                    </span>
                  </>
                )}
              </ActionForm>
            </li>
          ))}
        </ul>
        <ActionForm action={addTagsAction} label="Add tags">
          {(pending) => (
            <>
              {hidden}
              <div className="flex gap-2">
                <input name="tags" placeholder="tag, another-tag" aria-label="New tags" className={INPUT_CLASS} />
                <Button type="submit" variant="secondary" disabled={pending}>
                  Add
                </Button>
              </div>
            </>
          )}
        </ActionForm>
      </div>
    </section>
  );
}
