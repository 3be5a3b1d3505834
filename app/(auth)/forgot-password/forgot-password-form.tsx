"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { IDLE } from "@/lib/action-state";
import { forgotPasswordAction } from "./actions";

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState(forgotPasswordAction, IDLE);
  if (state.status === "ok") {
    return (
      <p role="status" className="text-sm text-slate-700" data-testid="reset-requested">
        {state.message}
      </p>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field label="Email" name="email" errors={state.fields?.email}>
        <input id="email" name="email" type="email" autoComplete="username" required className={INPUT_CLASS} />
      </Field>
      {state.status === "error" && state.message ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Send reset link"}
      </Button>
    </form>
  );
}
