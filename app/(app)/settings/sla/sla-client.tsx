"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import type { SlaPolicyListItem } from "@/lib/services/sla/list-sla-policies";
import type { BusinessHoursJson } from "@/lib/services/sla/shared";
import { TICKET_PRIORITIES } from "@/lib/validations/tickets";
import {
  createSlaPolicyAction,
  deleteSlaPolicyAction,
  updateBusinessHoursAction,
  updateSlaPolicyAction,
} from "./actions";

type Option = { id: string; name: string };

const CARD = "rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200";
const DAYS: [string, string][] = [
  ["mon", "Monday"],
  ["tue", "Tuesday"],
  ["wed", "Wednesday"],
  ["thu", "Thursday"],
  ["fri", "Friday"],
  ["sat", "Saturday"],
  ["sun", "Sunday"],
];
const POLICY_FIELDS = ["name", "team", "tag", "targets", "business_hours", "position"];

/** 90 → "1 h 30 m"; 2880 → "48 h". */
function minutesText(m: number | null) {
  if (m === null) return "—";
  const h = Math.floor(m / 60);
  return h ? `${h} h${m % 60 ? ` ${m % 60} m` : ""}` : `${m} m`;
}

function PolicyFields({
  prefix,
  policy,
  teams,
  errors,
}: {
  prefix: string;
  policy?: SlaPolicyListItem;
  teams: Option[];
  errors?: Record<string, string[]>;
}) {
  return (
    <div className="space-y-3">
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-4">
        <Field label="Name" name={`${prefix}-name`} errors={errors?.name}>
          <input
            id={`${prefix}-name`}
            name="name"
            required
            maxLength={80}
            defaultValue={policy?.name}
            placeholder="Standard support"
            className={INPUT_CLASS}
          />
        </Field>
        <Field label="Team" name={`${prefix}-team`} errors={errors?.team}>
          <select id={`${prefix}-team`} name="team" defaultValue={policy?.team?.id ?? ""} className={INPUT_CLASS}>
            <option value="">Every team</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Tag" name={`${prefix}-tag`} errors={errors?.tag}>
          <input
            id={`${prefix}-tag`}
            name="tag"
            maxLength={40}
            defaultValue={policy?.tag ?? ""}
            placeholder="any tag"
            className={INPUT_CLASS}
          />
        </Field>
        <Field label="Order" name={`${prefix}-position`} errors={errors?.position}>
          <input
            id={`${prefix}-position`}
            name="position"
            type="number"
            min={0}
            max={10000}
            defaultValue={policy?.position}
            placeholder="last"
            className={INPUT_CLASS}
          />
        </Field>
      </div>
      <table className="text-sm">
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th className="pr-3">Priority</th>
            <th className="pr-3">First response (minutes)</th>
            <th>Resolution (minutes)</th>
          </tr>
        </thead>
        <tbody>
          {TICKET_PRIORITIES.toReversed().map((p) => (
            <tr key={p}>
              <td className="pr-3 capitalize">{p}</td>
              <td className="pr-3 py-0.5">
                <input
                  name={`${p}.first_response_minutes`}
                  aria-label={`${p} first response minutes`}
                  type="number"
                  min={1}
                  defaultValue={policy?.targets[p]?.first_response_minutes ?? ""}
                  className={INPUT_CLASS}
                />
              </td>
              <td className="py-0.5">
                <input
                  name={`${p}.resolution_minutes`}
                  aria-label={`${p} resolution minutes`}
                  type="number"
                  min={1}
                  defaultValue={policy?.targets[p]?.resolution_minutes ?? ""}
                  className={INPUT_CLASS}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {errors?.targets?.map((m) => (
        <p key={m} className="text-xs text-rose-600" role="alert" data-field-error="targets">
          {m}
        </p>
      ))}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="business_hours" defaultChecked={policy?.business_hours ?? true} />
        Count business hours only (otherwise every hour counts)
      </label>
    </div>
  );
}

function CreatePolicyForm({ teams }: { teams: Option[] }) {
  const [state, action, pending] = useActionState(createSlaPolicyAction, IDLE);
  return (
    <form action={action} className={`${CARD} space-y-3`} aria-label="New SLA policy">
      <h2 className="text-sm font-semibold">New SLA policy</h2>
      <PolicyFields prefix="new" teams={teams} errors={state.fields} />
      <Button type="submit" disabled={pending}>
        Add policy
      </Button>
      <FormMessage state={state} inline={POLICY_FIELDS} />
    </form>
  );
}

function PolicyRow({ policy, teams }: { policy: SlaPolicyListItem; teams: Option[] }) {
  const [editing, setEditing] = useState(false);
  const [saveState, save, saving] = useActionState(updateSlaPolicyAction, IDLE);
  const [deleteState, remove, deleting] = useActionState(deleteSlaPolicyAction, IDLE);
  return (
    <li className="space-y-2 py-3" data-testid="sla-policy-row" data-name={policy.name}>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="w-6 text-xs text-slate-500">{policy.position}</span>
        <span className="font-medium">{policy.name}</span>
        <span className="text-xs text-slate-500">
          {policy.team ? `team ${policy.team.name}` : "every team"}
          {policy.tag ? ` · tag ${policy.tag}` : ""}
          {policy.business_hours ? " · business hours" : " · every hour"}
        </span>
        <span className="text-xs text-slate-500">
          {policy.active_ticket_count} open ticket{policy.active_ticket_count === 1 ? "" : "s"}
        </span>
        <div className="ml-auto flex gap-2">
          <Button type="button" variant="secondary" onClick={() => setEditing((v) => !v)}>
            {editing ? "Cancel" : "Edit"}
          </Button>
          <form action={remove}>
            <input type="hidden" name="sla_policy" value={policy.id} />
            <Button type="submit" variant="danger" disabled={deleting} aria-label={`Delete ${policy.name}`}>
              Delete
            </Button>
          </form>
        </div>
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 pl-9 text-xs text-slate-600">
        {TICKET_PRIORITIES.toReversed().flatMap((p) => {
          const t = policy.targets[p];
          return t
            ? [
                <li key={p}>
                  <span className="capitalize">{p}</span>: respond {minutesText(t.first_response_minutes)}, resolve{" "}
                  {minutesText(t.resolution_minutes)}
                </li>,
              ]
            : [];
        })}
      </ul>
      <FormMessage state={deleteState} />
      {editing ? (
        <form action={save} className="space-y-2 rounded-md bg-slate-50 p-3" aria-label={`Edit ${policy.name}`}>
          <input type="hidden" name="sla_policy" value={policy.id} />
          <PolicyFields prefix={`edit-${policy.id}`} policy={policy} teams={teams} errors={saveState.fields} />
          <Button type="submit" disabled={saving}>
            Save
          </Button>
          <FormMessage state={saveState} inline={POLICY_FIELDS} />
        </form>
      ) : null}
    </li>
  );
}

function BusinessHoursForm({ hours }: { hours: BusinessHoursJson }) {
  const [state, action, pending] = useActionState(updateBusinessHoursAction, IDLE);
  const weekly = hours.weekly as Record<string, { start: string; end: string }[]>;
  return (
    <form action={action} className={`${CARD} space-y-3`} aria-label="Business hours">
      <h2 className="text-sm font-semibold">Business hours</h2>
      {!hours.configured ? (
        <p className="text-sm text-slate-500">None set yet: every hour of every day counts (UTC).</p>
      ) : null}
      <Field
        label="Time zone"
        name="time_zone"
        errors={state.fields?.time_zone}
        hint="An IANA time zone such as Europe/Berlin or America/New_York; daylight-saving changes follow it."
      >
        <input
          id="time_zone"
          name="time_zone"
          required
          defaultValue={hours.configured ? hours.time_zone : "UTC"}
          className={INPUT_CLASS}
        />
      </Field>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-700">Weekly hours</legend>
        {DAYS.map(([key, label]) => {
          const first = hours.configured ? weekly[key]?.[0] : undefined;
          return (
            <div key={key} className="flex items-center gap-2 text-sm" data-testid={`hours-${key}`}>
              <label className="flex w-32 items-center gap-2">
                <input type="checkbox" name={`${key}.open`} defaultChecked={Boolean(first)} />
                {label}
              </label>
              <input
                type="time"
                name={`${key}.start`}
                aria-label={`${label} opens`}
                defaultValue={first?.start ?? "09:00"}
                className={`${INPUT_CLASS} w-32`}
              />
              <span>to</span>
              <input
                type="text"
                name={`${key}.end`}
                aria-label={`${label} closes`}
                pattern="\d\d:\d\d"
                defaultValue={first?.end ?? "17:00"}
                className={`${INPUT_CLASS} w-32`}
              />
            </div>
          );
        })}
        {state.fields?.weekly?.map((m) => (
          <p key={m} className="text-xs text-rose-600" role="alert" data-field-error="weekly">
            {m}
          </p>
        ))}
      </fieldset>
      <Field
        label="Holidays"
        name="holidays"
        errors={state.fields?.holidays}
        hint="Dates like 2026-12-25, one per line; no hour counts on them."
      >
        <textarea
          id="holidays"
          name="holidays"
          rows={3}
          defaultValue={hours.holidays.join("\n")}
          className={INPUT_CLASS}
        />
      </Field>
      <Button type="submit" disabled={pending}>
        Save business hours
      </Button>
      <FormMessage state={state} inline={["time_zone", "weekly", "holidays"]} />
    </form>
  );
}

export function SlaClient({
  policies,
  hours,
  teams,
}: {
  policies: SlaPolicyListItem[];
  hours: BusinessHoursJson;
  teams: Option[];
}) {
  return (
    <>
      <section className={CARD}>
        <h2 className="text-sm font-semibold">SLA policies</h2>
        {policies.length ? (
          <ul className="divide-y divide-slate-100" data-testid="sla-policies">
            {policies.map((p) => (
              <PolicyRow key={p.id} policy={p} teams={teams} />
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-slate-500">No SLA policies yet.</p>
        )}
      </section>
      <CreatePolicyForm teams={teams} />
      <BusinessHoursForm hours={hours} />
    </>
  );
}
