"use client";

import { useActionState, useState } from "react";
import { CaseStatusBadge } from "@/components/case-status/case-status-badge";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import { CASE_STATUS_COLORS } from "@/lib/validations/case-statuses";
import { TICKET_STATUSES } from "@/lib/validations/tickets";
import {
  createCaseStatusAction,
  deleteCaseStatusAction,
  updateCaseStatusAction,
  updateCaseWorkflowAction,
} from "./actions";

type Status = { id: string; name: string; base_status: string; color: string; position: number; ticket_count: number };
type Workflow = { reopen_window_days: number | null; auto_close_days: number | null };

const CARD = "rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200";

function StatusFields({
  idPrefix,
  status,
  errors,
}: {
  idPrefix: string;
  status?: Status;
  errors?: Record<string, string[]>;
}) {
  return (
    <div className="grid grid-cols-1 gap-2 sm:grid-cols-4">
      <Field label="Name" name={`${idPrefix}-name`} errors={errors?.name}>
        <input
          id={`${idPrefix}-name`}
          name="name"
          required
          maxLength={60}
          defaultValue={status?.name}
          placeholder="Waiting on engineering"
          className={INPUT_CLASS}
        />
      </Field>
      <Field label="Base status" name={`${idPrefix}-base`} errors={errors?.base_status}>
        <select
          id={`${idPrefix}-base`}
          name="base_status"
          defaultValue={status?.base_status ?? "pending"}
          className={`${INPUT_CLASS} capitalize`}
        >
          {TICKET_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Colour" name={`${idPrefix}-color`} errors={errors?.color}>
        <select
          id={`${idPrefix}-color`}
          name="color"
          defaultValue={status?.color ?? "slate"}
          className={`${INPUT_CLASS} capitalize`}
        >
          {CASE_STATUS_COLORS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Order" name={`${idPrefix}-position`} errors={errors?.position}>
        <input
          id={`${idPrefix}-position`}
          name="position"
          type="number"
          min={0}
          max={10000}
          defaultValue={status?.position}
          placeholder="last"
          className={INPUT_CLASS}
        />
      </Field>
    </div>
  );
}

function CreateForm() {
  const [state, action, pending] = useActionState(createCaseStatusAction, IDLE);
  return (
    <form action={action} className={`${CARD} space-y-3`} aria-label="New status">
      <h2 className="text-sm font-semibold">New sub-status</h2>
      <StatusFields idPrefix="new" errors={state.fields} />
      <Button type="submit" disabled={pending}>
        Add status
      </Button>
      <FormMessage state={state} inline={["name", "base_status", "color", "position"]} />
    </form>
  );
}

function StatusRow({ status }: { status: Status }) {
  const [editing, setEditing] = useState(false);
  const [saveState, save, saving] = useActionState(updateCaseStatusAction, IDLE);
  const [deleteState, remove, deleting] = useActionState(deleteCaseStatusAction, IDLE);
  return (
    <li className="space-y-2 py-3" data-testid="case-status-row" data-name={status.name}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="w-8 text-xs text-slate-500">{status.position}</span>
        <CaseStatusBadge name={status.name} color={status.color} />
        <span className="text-xs capitalize text-slate-500">{status.base_status}</span>
        <span className="text-xs text-slate-500">
          {status.ticket_count} ticket{status.ticket_count === 1 ? "" : "s"}
        </span>
        <div className="ml-auto flex gap-2">
          <Button type="button" variant="secondary" onClick={() => setEditing((v) => !v)}>
            {editing ? "Cancel" : "Edit"}
          </Button>
          <form action={remove}>
            <input type="hidden" name="case_status" value={status.id} />
            <Button type="submit" variant="danger" disabled={deleting} aria-label={`Delete ${status.name}`}>
              Delete
            </Button>
          </form>
        </div>
      </div>
      <FormMessage state={deleteState} />
      {editing ? (
        <form action={save} className="space-y-2 rounded-md bg-slate-50 p-3" aria-label={`Edit ${status.name}`}>
          <input type="hidden" name="case_status" value={status.id} />
          <StatusFields idPrefix={`edit-${status.id}`} status={status} errors={saveState.fields} />
          <Button type="submit" disabled={saving}>
            Save
          </Button>
          <FormMessage state={saveState} inline={["name", "base_status", "color", "position"]} />
        </form>
      ) : null}
    </li>
  );
}

function WorkflowForm({ workflow }: { workflow: Workflow }) {
  const [state, action, pending] = useActionState(updateCaseWorkflowAction, IDLE);
  return (
    <form action={action} className={`${CARD} space-y-3`} aria-label="Workflow rules">
      <h2 className="text-sm font-semibold">Workflow rules</h2>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field
          label="Closed tickets reopen within (days)"
          name="reopen_window_days"
          errors={state.fields?.reopen_window_days}
          hint="Later, a reopen or a reply opens a linked follow-up ticket. Empty: always reopen; 0: never."
        >
          <input
            id="reopen_window_days"
            name="reopen_window_days"
            type="number"
            min={0}
            max={3650}
            defaultValue={workflow.reopen_window_days ?? ""}
            className={INPUT_CLASS}
          />
        </Field>
        <Field
          label="Close resolved tickets after (days without a reply)"
          name="auto_close_days"
          errors={state.fields?.auto_close_days}
          hint="Checked every hour. Empty: never close automatically."
        >
          <input
            id="auto_close_days"
            name="auto_close_days"
            type="number"
            min={1}
            max={3650}
            defaultValue={workflow.auto_close_days ?? ""}
            className={INPUT_CLASS}
          />
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        Save rules
      </Button>
      <FormMessage state={state} inline={["reopen_window_days", "auto_close_days"]} />
    </form>
  );
}

export function StatusesClient({ statuses, workflow }: { statuses: Status[]; workflow: Workflow }) {
  return (
    <>
      <section className={CARD}>
        <h2 className="text-sm font-semibold">Sub-statuses</h2>
        {statuses.length ? (
          <ul className="divide-y divide-slate-100" data-testid="case-statuses">
            {statuses.map((s) => (
              <StatusRow key={s.id} status={s} />
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-slate-500">No sub-statuses yet.</p>
        )}
      </section>
      <CreateForm />
      <WorkflowForm workflow={workflow} />
    </>
  );
}
