"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import { MIN_PASSWORD_LENGTH_VALUE } from "@/lib/validations/password";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, IDLE);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <Field
        label="New password"
        name="password"
        errors={state.fields?.password}
        hint={`At least ${MIN_PASSWORD_LENGTH_VALUE} characters, at least 5 of them different.`}
      >
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          className={INPUT_CLASS}
        />
      </Field>
      <FormMessage state={state} inline={["password"]} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
