"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE, type ActionState } from "@/lib/action-state";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/**
 * A destructive action's button (revoke, offboard, withdraw): it first asks
 * "Are you sure?" and says what will stop working, then posts the row's id
 * under `field` (plus any `extra` fields). Shows a refusal inline, and a
 * success message when `showSuccess` (it clears itself).
 */
export function RevokeForm({
  action,
  field,
  value,
  label,
  consequence,
  verb = "Revoke",
  extra = {},
  showSuccess = false,
}: {
  action: Action;
  field: string;
  value: string;
  /** What is acted on, as the person sees it: a key's name, an app, a person. */
  label: string;
  /** What stops working, in a sentence or two. */
  consequence: string;
  verb?: string;
  extra?: Record<string, string>;
  showSuccess?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [asking, setAsking] = useState(false);
  return (
    <form action={formAction} onSubmit={() => setAsking(false)} className="inline-block text-left">
      <input type="hidden" name={field} value={value} />
      {Object.entries(extra).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      {asking ? (
        <div
          role="alertdialog"
          aria-label={`${verb} ${label}?`}
          className="max-w-md space-y-2 rounded-md bg-rose-50 p-3 text-sm text-rose-950 ring-1 ring-rose-200"
          onKeyDown={(event) => {
            if (event.key === "Escape") setAsking(false);
          }}
        >
          <p className="font-medium">
            {verb} {label}?
          </p>
          <p>{consequence}</p>
          <div className="flex gap-2">
            <Button type="submit" variant="danger" disabled={pending}>
              Yes, {verb.toLowerCase()}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setAsking(false)} autoFocus>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button
          type="button"
          variant="danger"
          disabled={pending}
          aria-label={`${verb} ${label}`}
          onClick={() => setAsking(true)}
        >
          {verb}
        </Button>
      )}
      {state.status === "error" || showSuccess ? <FormMessage state={state} /> : null}
    </form>
  );
}
