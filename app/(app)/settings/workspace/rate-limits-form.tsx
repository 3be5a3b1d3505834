"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import { updateRateLimitsAction } from "./actions";

const FIELDS = [
  ["perSecond", "Burst (per second)"],
  ["perMinute", "Per minute"],
  ["perDay", "Per day"],
  ["oauthPerMinute", "All OAuth connections, per minute"],
  ["perMonth", "Tool calls per month (workspace)"],
] as const;

/** Per-workspace overrides of the plan's limits; empty means the plan's value. */
export function RateLimitsForm({
  plan,
  overrides,
  canEdit,
}: {
  plan: Record<string, number>;
  overrides: Record<string, number>;
  canEdit: boolean;
}) {
  const [state, action, pending] = useActionState(updateRateLimitsAction, IDLE);
  return (
    <form
      action={action}
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      aria-label="Rate limits"
    >
      <h2 className="font-semibold">MCP rate limits</h2>
      <fieldset disabled={!canEdit} className="grid gap-3 md:grid-cols-5">
        {FIELDS.map(([name, label]) => (
          <Field
            key={name}
            label={label}
            name={name}
            errors={state.fields?.[name]}
            hint={`Plan: ${plan[name]?.toLocaleString("en")}`}
          >
            <input
              id={name}
              name={name}
              type="number"
              min={1}
              defaultValue={overrides[name] ?? ""}
              placeholder={String(plan[name])}
              className={INPUT_CLASS}
            />
          </Field>
        ))}
      </fieldset>
      {canEdit ? (
        <Button type="submit" disabled={pending}>
          Save limits
        </Button>
      ) : (
        <p className="text-xs text-slate-500">Only owners can change these.</p>
      )}
      <FormMessage state={state} inline={FIELDS.map(([name]) => name)} />
    </form>
  );
}
