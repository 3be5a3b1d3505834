"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import { acceptInvitationAction, joinInvitationAction } from "./actions";

/** A new account: the person's name and a password of their own. */
export function AcceptForm({ token, email, name }: { token: string; email: string; name: string }) {
  const [state, action, pending] = useActionState(acceptInvitationAction, IDLE);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-slate-600">
        Your account will be <strong>{email}</strong>.
      </p>
      <Field label="Your name" name="name" errors={state.fields?.name}>
        <input id="name" name="name" defaultValue={name} autoComplete="name" className={INPUT_CLASS} />
      </Field>
      <Field label="Password" name="password" errors={state.fields?.password} hint="At least 10 characters.">
        <input id="password" name="password" type="password" autoComplete="new-password" className={INPUT_CLASS} />
      </Field>
      <FormMessage state={state} inline={["name", "password"]} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account and join"}
      </Button>
    </form>
  );
}

/** An existing account, signed in as the invited email. */
export function JoinForm({ token, workspace }: { token: string; workspace: string }) {
  const [state, action, pending] = useActionState(joinInvitationAction, IDLE);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <Button type="submit" className="w-full" disabled={pending}>
        Join {workspace}
      </Button>
    </form>
  );
}
