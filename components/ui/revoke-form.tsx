"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE, type ActionState } from "@/lib/action-state";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** One row's Revoke button: posts the row's id under `field` and shows a refusal inline. */
export function RevokeForm({
  action,
  field,
  value,
  label,
}: {
  action: Action;
  field: string;
  value: string;
  label: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction}>
      <input type="hidden" name={field} value={value} />
      <Button type="submit" variant="danger" disabled={pending} aria-label={`Revoke ${label}`}>
        Revoke
      </Button>
      {state.status === "error" ? <FormMessage state={state} /> : null}
    </form>
  );
}
