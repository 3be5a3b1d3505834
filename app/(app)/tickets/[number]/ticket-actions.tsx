"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE, type ActionState } from "@/lib/action-state";
import { TICKET_PRIORITIES, TICKET_STATUSES } from "@/lib/validations/tickets";
import {
  addTagsAction,
  assignAction,
  priorityAction,
  removeTagAction,
  setStatusAction,
  transferAction,
} from "./actions";

type Props = {
  ticket: {
    number: number;
    status: string;
    caseStatusId: string;
    priority: string;
    assigneeId: string;
    teamId: string;
    tags: string[];
  };
  agents: { id: string; name: string }[];
  teams: { id: string; name: string }[];
  caseStatuses: { id: string; name: string; base_status: string }[];
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

type Option = { value: string; label: string; disabled?: boolean };

/** A labelled choice and its button: assignee, team, priority. */
function SelectAction(props: {
  action: Action;
  ticket: number;
  name: string;
  label: string;
  value: string;
  options: Option[];
  submit: string;
  capitalize?: boolean;
}) {
  return (
    <ActionForm action={props.action} label={props.label}>
      {(pending) => (
        <>
          <input type="hidden" name="ticket" value={props.ticket} />
          <label htmlFor={props.name} className="block font-medium text-slate-700">
            {props.label}
          </label>
          <div className="flex gap-2">
            <select
              id={props.name}
              name={props.name}
              defaultValue={props.value}
              className={props.capitalize ? `${INPUT_CLASS} capitalize` : INPUT_CLASS}
              key={props.value}
            >
              {props.options.map((o) => (
                <option key={o.value} value={o.value} disabled={o.disabled}>
                  {o.label}
                </option>
              ))}
            </select>
            <Button type="submit" variant="secondary" disabled={pending}>
              {props.submit}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}

/** Every base status, each followed by its sub-statuses ("pending:<id>"). */
function statusOptions(caseStatuses: Props["caseStatuses"]): Option[] {
  return TICKET_STATUSES.flatMap((base) => [
    { value: base, label: base.charAt(0).toUpperCase() + base.slice(1) },
    ...caseStatuses
      .filter((s) => s.base_status === base)
      .map((s) => ({ value: `${base}:${s.id}`, label: `\u00a0\u00a0${base} › ${s.name}` })),
  ]);
}

export function TicketActions({ ticket, agents, teams, caseStatuses }: Props) {
  const hidden = <input type="hidden" name="ticket" value={ticket.number} />;
  return (
    <section className="space-y-4 rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200">
      <SelectAction
        action={setStatusAction}
        ticket={ticket.number}
        name="target"
        label="Status and sub-status"
        value={ticket.caseStatusId ? `${ticket.status}:${ticket.caseStatusId}` : ticket.status}
        options={statusOptions(caseStatuses)}
        submit="Set status"
      />
      <SelectAction
        action={assignAction}
        ticket={ticket.number}
        name="assignee"
        label="Assignee"
        value={ticket.assigneeId}
        options={[{ value: "", label: "Unassigned" }, ...agents.map((a) => ({ value: a.id, label: a.name }))]}
        submit="Assign"
      />
      <SelectAction
        action={transferAction}
        ticket={ticket.number}
        name="team"
        label="Team"
        value={ticket.teamId}
        options={[
          { value: "", label: "Choose a team", disabled: true },
          ...teams.map((t) => ({ value: t.id, label: t.name })),
        ]}
        submit="Transfer"
      />
      <SelectAction
        action={priorityAction}
        ticket={ticket.number}
        name="priority"
        label="Priority"
        value={ticket.priority}
        options={TICKET_PRIORITIES.map((p) => ({ value: p, label: p }))}
        submit="Set"
        capitalize
      />

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
                        className="text-slate-500 hover:text-rose-600"
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
