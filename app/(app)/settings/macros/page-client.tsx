"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { RevokeForm } from "@/components/ui/revoke-form";
import { formFieldErrors, type ActionState } from "@/lib/action-state";
import { fieldErrorsOf, type FieldErrors } from "@/lib/errors";
import type { MacroJson } from "@/lib/services/macros/macro-access";
import { describeMacroActions } from "@/components/macros/describe-macro-actions";
import { CreateMacroSchema } from "@/lib/validations/macros";
import { TICKET_PRIORITIES, TICKET_STATUSES } from "@/lib/validations/tickets";
import { deleteMacroAction, saveMacroAction } from "./actions";

type Option = { id: string; name: string };
type Props = {
  macros: MacroJson[];
  teams: Option[];
  agents: Option[];
  canShare: boolean;
  placeholders: { name: string; meaning: string }[];
};

type Draft = {
  id?: string;
  name: string;
  description: string;
  shared: boolean;
  kind: "" | "reply" | "note";
  body: string;
  status: string;
  priority: string;
  team: string;
  assignee: string;
  add_tags: string;
  remove_tags: string;
};

const EMPTY: Draft = {
  name: "",
  description: "",
  shared: false,
  kind: "",
  body: "",
  status: "",
  priority: "",
  team: "",
  assignee: "",
  add_tags: "",
  remove_tags: "",
};

function draftOf(m: MacroJson): Draft {
  const a = m.actions;
  return {
    id: m.id,
    name: m.name,
    description: m.description ?? "",
    shared: m.shared,
    kind: a.message?.kind ?? "",
    body: a.message?.body ?? "",
    status: a.status ?? "",
    priority: a.priority ?? "",
    team: a.team ?? "",
    assignee: a.assignee ?? "",
    add_tags: a.add_tags?.join(", ") ?? "",
    remove_tags: a.remove_tags?.join(", ") ?? "",
  };
}

const tagList = (text: string) =>
  text
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);

/** The draft as the shared schema's input: empty choices are left out. */
function inputOf(d: Draft) {
  const actions: Record<string, unknown> = {};
  if (d.kind) actions.message = { kind: d.kind, body: d.body };
  if (d.status) actions.status = d.status;
  if (d.priority) actions.priority = d.priority;
  if (d.team) actions.team = d.team;
  if (d.assignee) actions.assignee = d.assignee;
  if (tagList(d.add_tags).length) actions.add_tags = tagList(d.add_tags);
  if (tagList(d.remove_tags).length) actions.remove_tags = tagList(d.remove_tags);
  return { name: d.name, description: d.description, shared: d.shared, actions };
}

// Form controls per error path: a message for actions.message.body shows under the body field.
const FIELD_OF: Record<string, string> = {
  "actions.message.body": "body",
  "actions.message.kind": "kind",
  "actions.message": "body",
  "actions.status": "status",
  "actions.priority": "priority",
  "actions.team": "team",
  "actions.assignee": "assignee",
  "actions.add_tags": "add_tags",
  "actions.remove_tags": "remove_tags",
  actions: "actions",
};

function controlErrors(fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, messages] of Object.entries(fields)) {
    const key =
      FIELD_OF[path] ??
      Object.entries(FIELD_OF).find(([prefix]) => path.startsWith(`${prefix}.`))?.[1] ??
      path.split(".")[0]!;
    (out[key] ??= []).push(...messages);
  }
  return formFieldErrors(out);
}

function MacroForm({
  initial,
  teams,
  agents,
  canShare,
  placeholders,
  onDone,
}: Omit<Props, "macros"> & { initial: Draft; onDone: () => void }) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<ActionState | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const set = (key: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const input = inputOf(draft);
    const parsed = CreateMacroSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(controlErrors(fieldErrorsOf(parsed.error)));
      return;
    }
    setErrors({});
    startTransition(async () => {
      const state = await saveMacroAction({ ...input, id: draft.id } as Parameters<typeof saveMacroAction>[0]);
      setResult(state);
      if (state.status === "ok") {
        router.refresh();
        onDone();
      } else if (state.fields) setErrors(state.fields);
    });
  }

  const select = (key: keyof Draft, label: string, options: { value: string; label: string }[]) => (
    <Field label={label} name={`macro-${key}`} errors={errors[key]}>
      <select id={`macro-${key}`} value={String(draft[key])} onChange={set(key)} className={INPUT_CLASS}>
        <option value="">No change</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );

  return (
    <form
      onSubmit={submit}
      aria-label={draft.id ? "Edit macro" : "New macro"}
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      noValidate
    >
      <h2 className="font-semibold">{draft.id ? `Edit “${initial.name}”` : "New macro"}</h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Name" name="macro-name" errors={errors.name}>
          <input id="macro-name" value={draft.name} onChange={set("name")} className={INPUT_CLASS} maxLength={80} />
        </Field>
        <Field label="Description" name="macro-description" errors={errors.description}>
          <input
            id="macro-description"
            value={draft.description}
            onChange={set("description")}
            className={INPUT_CLASS}
          />
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={draft.shared}
          disabled={!canShare}
          onChange={(e) => setDraft((d) => ({ ...d, shared: e.target.checked }))}
        />
        Shared with the workspace {canShare ? "" : "(admins and owners share macros)"}
      </label>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Message</legend>
        <Field label="Kind" name="macro-kind" errors={errors.kind}>
          <select id="macro-kind" value={draft.kind} onChange={set("kind")} className={INPUT_CLASS}>
            <option value="">No message</option>
            <option value="reply">Reply to the customer</option>
            <option value="note">Internal note</option>
          </select>
        </Field>
        {draft.kind ? (
          <Field
            label="Text"
            name="macro-body"
            errors={errors.body}
            hint={`Placeholders: ${placeholders.map((p) => `{{${p.name}}} (${p.meaning})`).join(", ")}`}
          >
            <textarea id="macro-body" rows={5} value={draft.body} onChange={set("body")} className={INPUT_CLASS} />
          </Field>
        ) : null}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        {select(
          "status",
          "Status",
          TICKET_STATUSES.map((s) => ({ value: s, label: s })),
        )}
        {select(
          "priority",
          "Priority",
          TICKET_PRIORITIES.map((p) => ({ value: p, label: p })),
        )}
        {select(
          "team",
          "Team",
          teams.map((t) => ({ value: t.id, label: t.name })),
        )}
        {select("assignee", "Assignee", [
          { value: "me", label: "Whoever applies it" },
          { value: "unassigned", label: "Nobody (unassign)" },
          ...agents.map((a) => ({ value: a.id, label: a.name })),
        ])}
        <Field label="Add tags" name="macro-add_tags" errors={errors.add_tags} hint="Comma-separated">
          <input id="macro-add_tags" value={draft.add_tags} onChange={set("add_tags")} className={INPUT_CLASS} />
        </Field>
        <Field label="Remove tags" name="macro-remove_tags" errors={errors.remove_tags} hint="Comma-separated">
          <input
            id="macro-remove_tags"
            value={draft.remove_tags}
            onChange={set("remove_tags")}
            className={INPUT_CLASS}
          />
        </Field>
      </div>
      {errors.actions?.map((m) => (
        <p key={m} role="alert" className="text-sm text-rose-600">
          {m}
        </p>
      ))}
      {result?.status === "error" && result.message ? (
        <p role="alert" className="text-sm text-rose-600">
          {result.message}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          Save macro
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function MacrosClient(props: Props) {
  const [editing, setEditing] = useState<Draft | null>(null);
  const { macros, teams, agents } = props;
  return (
    <div className="space-y-4">
      {editing ? (
        <MacroForm key={editing.id ?? "new"} {...props} initial={editing} onDone={() => setEditing(null)} />
      ) : (
        <Button type="button" onClick={() => setEditing({ ...EMPTY, shared: false })}>
          New macro
        </Button>
      )}
      {macros.length === 0 ? (
        <p className="text-sm text-slate-500">No macros yet.</p>
      ) : (
        <ul className="space-y-2" data-testid="macro-list">
          {macros.map((m) => (
            <li
              key={m.id}
              data-macro={m.name}
              className="rounded-lg bg-white p-3 text-sm shadow-sm ring-1 ring-slate-200 sm:flex sm:items-start sm:justify-between sm:gap-4"
            >
              <div className="min-w-0 space-y-1">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{m.name}</span>
                  <Badge>{m.shared ? "Shared" : "Personal"}</Badge>
                  <span className="text-xs text-slate-500">used {m.usage_count}×</span>
                </p>
                {m.description ? <p className="text-slate-600">{m.description}</p> : null}
                <p className="break-words text-xs text-slate-500">
                  {describeMacroActions(m.actions, teams, agents).join(" · ")}
                </p>
              </div>
              {!m.shared || props.canShare ? (
                <div className="mt-2 flex shrink-0 items-start gap-2 sm:mt-0">
                  <Button type="button" variant="secondary" onClick={() => setEditing(draftOf(m))}>
                    Edit
                  </Button>
                  <RevokeForm
                    action={deleteMacroAction}
                    field="macro"
                    value={m.id}
                    label={`macro “${m.name}”`}
                    consequence="It disappears for everyone who could apply it. Tickets it changed keep their history."
                    verb="Delete"
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
