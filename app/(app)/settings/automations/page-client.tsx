"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { RevokeForm } from "@/components/ui/revoke-form";
import { formFieldErrors, type ActionState } from "@/lib/action-state";
import { fieldErrorsOf, type FieldErrors } from "@/lib/errors";
import type { AutomationJson, AutomationRunJson } from "@/lib/services/automations/shared";
import {
  ACTION_LABELS,
  AUTOMATION_TRIGGERS,
  CONDITION_LABELS,
  CreateAutomationSchema,
  TRIGGER_LABELS,
  type ActionType,
  type AutomationAction,
  type AutomationCondition,
  type AutomationTrigger,
  type ConditionField,
} from "@/lib/validations/automations";
import { CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES } from "@/lib/validations/tickets";
import {
  deleteAutomationAction,
  loadRunsAction,
  moveAutomationAction,
  saveAutomationAction,
  setAutomationEnabledAction,
} from "./actions";
import { TimeAgo } from "@/components/ui/time-ago";

type Option = { id: string; name: string };
type Pickers = {
  teams: Option[];
  agents: Option[];
  tags: string[];
  macros: Option[];
  companies: Option[];
  webhooks: Option[];
};
type Props = Pickers & { rules: AutomationJson[] };

/** A row as the form holds it: every value is a string until the shared schema reads it. */
type ConditionRow = { field: ConditionField; value: string };
type ActionRow = { type: ActionType; value: string; message: string };
type Draft = {
  id?: string;
  name: string;
  trigger: AutomationTrigger;
  enabled: boolean;
  conditions: ConditionRow[];
  actions: ActionRow[];
};

const EMPTY: Draft = {
  name: "",
  trigger: "ticket.created",
  enabled: true,
  conditions: [],
  actions: [{ type: "add_tag", value: "", message: "" }],
};

const ACTION_VALUE_KEY: Record<ActionType, string | null> = {
  assign_team: "team",
  assign_agent: "agent",
  round_robin: null,
  add_tag: "tag",
  set_priority: "priority",
  set_status: "status",
  apply_macro: "macro",
  send_webhook: "webhook",
  notify: "to",
};

function draftOf(r: AutomationJson): Draft {
  return {
    id: r.id,
    name: r.name,
    trigger: r.trigger,
    enabled: r.enabled,
    conditions: r.conditions.map((c) => ({ field: c.field, value: String(c.value) })),
    actions: r.actions.map((a) => {
      const key = ACTION_VALUE_KEY[a.type];
      return {
        type: a.type,
        value: key ? String((a as Record<string, unknown>)[key] ?? "") : "",
        message: a.type === "notify" ? (a.message ?? "") : "",
      };
    }),
  };
}

/** The draft as the shared schema's input. */
function inputOf(d: Draft) {
  return {
    name: d.name,
    trigger: d.trigger,
    enabled: d.enabled,
    conditions: d.conditions.map((c) => ({ field: c.field, value: c.value })),
    actions: d.actions.map((a) => {
      const key = ACTION_VALUE_KEY[a.type];
      const action: Record<string, unknown> = { type: a.type };
      if (key) action[key] = a.value;
      if (a.type === "notify" && a.message.trim()) action.message = a.message;
      return action;
    }),
  };
}

const nameOf = (options: Option[], id: string) => options.find((o) => o.id === id)?.name ?? id;

function describeCondition(c: AutomationCondition, p: Pickers): string {
  const label = CONDITION_LABELS[c.field];
  switch (c.field) {
    case "team":
      return `${label} ${c.value === "none" ? "none" : nameOf(p.teams, c.value)}`;
    case "company":
      return `${label} ${nameOf(p.companies, c.value)}`;
    case "subject_contains":
    case "body_contains":
    case "text_contains":
      return `${label} “${c.value}”`;
    default:
      return `${label} ${c.value}`;
  }
}

function describeAction(a: AutomationAction, p: Pickers): string {
  const label = ACTION_LABELS[a.type];
  switch (a.type) {
    case "assign_team":
      return `${label} ${nameOf(p.teams, a.team)}`;
    case "assign_agent":
      return `${label} ${nameOf(p.agents, a.agent)}`;
    case "round_robin":
      return label;
    case "add_tag":
      return `${label} ${a.tag}`;
    case "set_priority":
      return `${label} ${a.priority}`;
    case "set_status":
      return `${label} ${a.status}`;
    case "apply_macro":
      return `${label} ${nameOf(p.macros, a.macro)}`;
    case "send_webhook":
      return `${label} ${nameOf(p.webhooks, a.webhook)}`;
    case "notify":
      return `${label} ${a.to === "assignee" ? "the assignee" : nameOf(p.agents, a.to)}`;
  }
}

function options(values: { value: string; label: string }[], placeholder: string) {
  return (
    <>
      <option value="">{placeholder}</option>
      {values.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}

const plain = (values: readonly string[]) => values.map((v) => ({ value: v, label: v.replace("_", " ") }));
const named = (values: Option[]) => values.map((o) => ({ value: o.id, label: o.name }));

function ConditionValue({
  row,
  label,
  pickers,
  onChange,
}: {
  row: ConditionRow;
  label: string;
  pickers: Pickers;
  onChange: (v: string) => void;
}) {
  const common = { "aria-label": label, value: row.value, className: INPUT_CLASS };
  switch (row.field) {
    case "channel":
      return (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          {options(plain(CHANNELS), "Choose a channel")}
        </select>
      );
    case "priority":
      return (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          {options(plain(TICKET_PRIORITIES), "Choose a priority")}
        </select>
      );
    case "team":
      return (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          {options([{ value: "none", label: "No team" }, ...named(pickers.teams)], "Choose a team")}
        </select>
      );
    case "company":
      return (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          {options(named(pickers.companies), "Choose a company")}
        </select>
      );
    case "business_hours":
      return (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          {options(
            [
              { value: "within", label: "within business hours" },
              { value: "outside", label: "outside business hours" },
            ],
            "Choose",
          )}
        </select>
      );
    case "has_tag":
      return <input {...common} list="automation-tags" onChange={(e) => onChange(e.target.value)} />;
    default:
      return <input {...common} maxLength={200} onChange={(e) => onChange(e.target.value)} />;
  }
}

function ActionValue({
  row,
  label,
  pickers,
  onChange,
}: {
  row: ActionRow;
  label: string;
  pickers: Pickers;
  onChange: (v: string) => void;
}) {
  const common = { "aria-label": label, value: row.value, className: INPUT_CLASS };
  switch (row.type) {
    case "assign_team":
      return (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          {options(named(pickers.teams), "Choose a team")}
        </select>
      );
    case "assign_agent":
      return (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          {options(named(pickers.agents), "Choose an agent")}
        </select>
      );
    case "notify":
      return (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          {options([{ value: "assignee", label: "The assignee" }, ...named(pickers.agents)], "Choose who")}
        </select>
      );
    case "set_priority":
      return (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          {options(plain(TICKET_PRIORITIES), "Choose a priority")}
        </select>
      );
    case "set_status":
      return (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          {options(plain(TICKET_STATUSES), "Choose a status")}
        </select>
      );
    case "apply_macro":
      return (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          {options(named(pickers.macros), pickers.macros.length ? "Choose a shared macro" : "No shared macros yet")}
        </select>
      );
    case "send_webhook":
      return (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          {options(named(pickers.webhooks), pickers.webhooks.length ? "Choose a webhook" : "No webhooks yet")}
        </select>
      );
    case "add_tag":
      return <input {...common} list="automation-tags" onChange={(e) => onChange(e.target.value)} />;
    case "round_robin":
      return <p className="py-1.5 text-xs text-slate-500">Among the ticket&apos;s team members who are online</p>;
  }
}

/** Errors under the row they belong to: conditions.0.value shows on condition 1. */
function rowErrors(errors: FieldErrors, prefix: string, index: number): string[] {
  return Object.entries(errors)
    .filter(([path]) => path === `${prefix}.${index}` || path.startsWith(`${prefix}.${index}.`))
    .flatMap(([, m]) => m);
}

function RuleForm({ initial, pickers, onDone }: { initial: Draft; pickers: Pickers; onDone: () => void }) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<ActionState | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  const setCondition = (i: number, row: Partial<ConditionRow>) =>
    setDraft((d) => ({ ...d, conditions: d.conditions.map((c, j) => (j === i ? { ...c, ...row } : c)) }));
  const setAction = (i: number, row: Partial<ActionRow>) =>
    setDraft((d) => ({ ...d, actions: d.actions.map((a, j) => (j === i ? { ...a, ...row } : a)) }));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const input = inputOf(draft);
    const parsed = CreateAutomationSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setErrors({});
    startTransition(async () => {
      const state = await saveAutomationAction({
        ...(input as Parameters<typeof saveAutomationAction>[0]),
        id: draft.id,
      });
      setResult(state);
      if (state.status === "ok") {
        router.refresh();
        onDone();
      } else if (state.fields) setErrors(formFieldErrors(state.fields));
    });
  }

  const listErrors = (key: string) =>
    errors[key]?.map((m) => (
      <p key={m} role="alert" className="text-xs text-rose-600">
        {m}
      </p>
    ));

  return (
    <form
      onSubmit={submit}
      aria-label={draft.id ? "Edit rule" : "New rule"}
      className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      noValidate
    >
      <h2 className="font-semibold">{draft.id ? `Edit “${initial.name}”` : "New rule"}</h2>
      <datalist id="automation-tags">
        {pickers.tags.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Name" name="rule-name" errors={errors.name}>
          <input
            id="rule-name"
            value={draft.name}
            maxLength={80}
            onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))}
            className={INPUT_CLASS}
          />
        </Field>
        <Field label="When" name="rule-trigger" errors={errors.trigger}>
          <select
            id="rule-trigger"
            value={draft.trigger}
            onChange={(e) => setDraft((d) => ({ ...d, trigger: e.target.value as AutomationTrigger }))}
            className={INPUT_CLASS}
          >
            {AUTOMATION_TRIGGERS.map((t) => (
              <option key={t} value={t}>
                {TRIGGER_LABELS[t]}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">If all of these hold</legend>
        {draft.conditions.length === 0 ? (
          <p className="text-xs text-slate-500">No conditions: every event of this kind.</p>
        ) : null}
        {draft.conditions.map((c, i) => (
          <div key={i} className="space-y-1" data-testid="condition-row">
            <div className="grid items-start gap-2 sm:grid-cols-[14rem_1fr_auto]">
              <select
                aria-label={`Condition ${i + 1}`}
                value={c.field}
                onChange={(e) => setCondition(i, { field: e.target.value as ConditionField, value: "" })}
                className={INPUT_CLASS}
              >
                {(Object.keys(CONDITION_LABELS) as ConditionField[]).map((f) => (
                  <option key={f} value={f}>
                    {CONDITION_LABELS[f]}
                  </option>
                ))}
              </select>
              <ConditionValue
                row={c}
                label={`Condition ${i + 1} value`}
                pickers={pickers}
                onChange={(value) => setCondition(i, { value })}
              />
              <Button
                type="button"
                variant="ghost"
                aria-label={`Remove condition ${i + 1}`}
                onClick={() => setDraft((d) => ({ ...d, conditions: d.conditions.filter((_, j) => j !== i) }))}
              >
                Remove
              </Button>
            </div>
            {rowErrors(errors, "conditions", i).map((m) => (
              <p key={m} role="alert" className="text-xs text-rose-600">
                {m}
              </p>
            ))}
          </div>
        ))}
        {listErrors("conditions")}
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            setDraft((d) => ({ ...d, conditions: [...d.conditions, { field: "text_contains", value: "" }] }))
          }
        >
          Add condition
        </Button>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Then, in order</legend>
        {draft.actions.map((a, i) => (
          <div key={i} className="space-y-1" data-testid="action-row">
            <div className="grid items-start gap-2 sm:grid-cols-[14rem_1fr_auto]">
              <select
                aria-label={`Action ${i + 1}`}
                value={a.type}
                onChange={(e) => setAction(i, { type: e.target.value as ActionType, value: "", message: "" })}
                className={INPUT_CLASS}
              >
                {(Object.keys(ACTION_LABELS) as ActionType[]).map((t) => (
                  <option key={t} value={t}>
                    {ACTION_LABELS[t]}
                  </option>
                ))}
              </select>
              <div className="space-y-1">
                <ActionValue
                  row={a}
                  label={`Action ${i + 1} value`}
                  pickers={pickers}
                  onChange={(value) => setAction(i, { value })}
                />
                {a.type === "notify" ? (
                  <input
                    aria-label={`Action ${i + 1} message`}
                    placeholder="Message (optional)"
                    value={a.message}
                    maxLength={300}
                    onChange={(e) => setAction(i, { message: e.target.value })}
                    className={INPUT_CLASS}
                  />
                ) : null}
              </div>
              <Button
                type="button"
                variant="ghost"
                aria-label={`Remove action ${i + 1}`}
                onClick={() => setDraft((d) => ({ ...d, actions: d.actions.filter((_, j) => j !== i) }))}
              >
                Remove
              </Button>
            </div>
            {rowErrors(errors, "actions", i).map((m) => (
              <p key={m} role="alert" className="text-xs text-rose-600">
                {m}
              </p>
            ))}
          </div>
        ))}
        {listErrors("actions")}
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            setDraft((d) => ({ ...d, actions: [...d.actions, { type: "add_tag", value: "", message: "" }] }))
          }
        >
          Add action
        </Button>
      </fieldset>

      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={draft.enabled}
          onChange={(e) => setDraft((d) => ({ ...d, enabled: e.target.checked }))}
        />
        Turned on
      </label>
      {result?.status === "error" && result.message ? (
        <p role="alert" className="text-sm text-rose-600">
          {result.message}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          Save rule
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

const OUTCOME_LABELS: Record<AutomationRunJson["outcome"], string> = {
  ran: "Ran",
  no_match: "Conditions did not hold",
  loop: "Skipped: its own change",
  depth_cap: "Skipped: chain too deep",
  failed: "Failed",
};

function RunLog({ ruleId }: { ruleId: string }) {
  const [state, setState] = useState<{ runs: AutomationRunJson[] } | { error: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const load = () => startTransition(async () => setState(await loadRunsAction(ruleId)));
  // The log loads when it opens; Refresh reads it again.
  useEffect(() => {
    startTransition(async () => setState(await loadRunsAction(ruleId)));
  }, [ruleId]);
  return (
    <div className="mt-3 rounded-md bg-slate-50 p-3" data-testid="run-log">
      <div className="mb-2 flex items-center justify-between">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Run log</h3>
        <Button type="button" variant="ghost" onClick={load} disabled={pending}>
          Refresh
        </Button>
      </div>
      {state === null ? (
        <p className="text-xs text-slate-500">Loading…</p>
      ) : "error" in state ? (
        <p role="alert" className="text-xs text-rose-600">
          {state.error}
        </p>
      ) : state.runs.length === 0 ? (
        <p className="text-xs text-slate-500">No runs yet.</p>
      ) : (
        <ul className="space-y-1.5 text-xs">
          {state.runs.map((r) => (
            <li key={r.id} data-run-outcome={r.outcome} className="rounded bg-white p-2 ring-1 ring-slate-200">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{OUTCOME_LABELS[r.outcome]}</span>
                {r.ticket !== null ? (
                  <a href={`/tickets/${r.ticket}`} className="text-indigo-700 hover:underline">
                    #{r.ticket}
                  </a>
                ) : null}
                <TimeAgo date={r.created_at} className="text-slate-500" />
              </p>
              {r.results.length ? (
                <ul className="mt-1 list-inside list-disc text-slate-600">
                  {r.results.map((x, i) => (
                    <li key={i}>
                      {x.summary}
                      {x.result === "failed" && x.code ? ` (${x.code})` : ""}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function RuleItem({
  rule,
  index,
  count,
  pickers,
  onEdit,
}: {
  rule: AutomationJson;
  index: number;
  count: number;
  pickers: Pickers;
  onEdit: () => void;
}) {
  const [showLog, setShowLog] = useState(false);
  // The box follows the click at once; the saved value comes back with the refreshed list.
  const [enabled, setEnabled] = useState(rule.enabled);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();
  const act = (run: () => Promise<ActionState>) =>
    startTransition(async () => {
      const state = await run();
      setError(state.status === "error" ? (state.message ?? "That did not work.") : null);
      router.refresh();
    });
  return (
    <li data-rule={rule.name} className="rounded-lg bg-white p-3 text-sm shadow-sm ring-1 ring-slate-200">
      <div className="sm:flex sm:items-start sm:justify-between sm:gap-4">
        <div className="min-w-0 space-y-1">
          <p className="flex flex-wrap items-center gap-2">
            <span className="text-xs text-slate-500">{index + 1}.</span>
            <span className="font-medium">{rule.name}</span>
            <Badge>{TRIGGER_LABELS[rule.trigger]}</Badge>
            {!rule.enabled ? <Badge>Off</Badge> : null}
          </p>
          <p className="break-words text-xs text-slate-500">
            If{" "}
            {rule.conditions.length
              ? rule.conditions.map((c) => describeCondition(c, pickers)).join(" and ")
              : "always"}{" "}
            → {rule.actions.map((a) => describeAction(a, pickers)).join(", then ")}
          </p>
        </div>
        <div className="mt-2 flex shrink-0 flex-wrap items-center gap-2 sm:mt-0">
          <label className="flex items-center gap-1 text-xs">
            <input
              type="checkbox"
              aria-label={`${rule.name} turned on`}
              checked={enabled}
              disabled={pending}
              onChange={(e) => {
                const on = e.target.checked;
                setEnabled(on);
                act(async () => {
                  const state = await setAutomationEnabledAction(rule.id, on);
                  if (state.status === "error") setEnabled(!on);
                  return state;
                });
              }}
            />
            On
          </label>
          <Button
            type="button"
            variant="ghost"
            aria-label={`Move ${rule.name} up`}
            disabled={pending || index === 0}
            onClick={() => act(() => moveAutomationAction(rule.id, index))}
          >
            ↑
          </Button>
          <Button
            type="button"
            variant="ghost"
            aria-label={`Move ${rule.name} down`}
            disabled={pending || index === count - 1}
            onClick={() => act(() => moveAutomationAction(rule.id, index + 2))}
          >
            ↓
          </Button>
          <Button type="button" variant="secondary" onClick={() => setShowLog((s) => !s)} aria-expanded={showLog}>
            Run log
          </Button>
          <Button type="button" variant="secondary" onClick={onEdit}>
            Edit
          </Button>
          <RevokeForm
            action={deleteAutomationAction}
            field="automation"
            value={rule.id}
            label={`rule “${rule.name}”`}
            consequence="It stops acting on tickets and its run log goes. Tickets it changed keep their history."
            verb="Delete"
          />
        </div>
      </div>
      {error ? (
        <p role="alert" className="mt-1 text-xs text-rose-600">
          {error}
        </p>
      ) : null}
      {showLog ? <RunLog ruleId={rule.id} /> : null}
    </li>
  );
}

export function AutomationsClient({ rules, ...pickers }: Props) {
  const [editing, setEditing] = useState<Draft | null>(null);
  return (
    <div className="space-y-4">
      {editing ? (
        <RuleForm key={editing.id ?? "new"} initial={editing} pickers={pickers} onDone={() => setEditing(null)} />
      ) : (
        <Button type="button" onClick={() => setEditing(EMPTY)}>
          New rule
        </Button>
      )}
      {rules.length === 0 ? (
        <p className="text-sm text-slate-500">No rules yet.</p>
      ) : (
        <ol className="space-y-2" data-testid="rule-list">
          {rules.map((r, i) => (
            <RuleItem
              key={r.id}
              rule={r}
              index={i}
              count={rules.length}
              pickers={pickers}
              onEdit={() => setEditing(draftOf(r))}
            />
          ))}
        </ol>
      )}
    </div>
  );
}
