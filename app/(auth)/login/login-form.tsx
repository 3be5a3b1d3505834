"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import { signInAction } from "./actions";

export function LoginForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  const [state, action, pending] = useActionState(signInAction, IDLE);
  const challenge = typeof state.data?.challenge === "string" ? state.data.challenge : null;
  if (challenge) {
    return (
      <form action={action} className="space-y-4" noValidate data-testid="two-factor-step">
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <input type="hidden" name="challenge" value={challenge} />
        <p className="text-sm text-slate-700">
          Enter the 6-digit code from your authenticator app. Lost your phone? Enter one of your recovery codes.
        </p>
        <Field label="Authentication code" name="code" errors={state.fields?.code}>
          <input
            id="code"
            name="code"
            autoComplete="one-time-code"
            inputMode="text"
            autoFocus
            required
            className={INPUT_CLASS}
          />
        </Field>
        <FormMessage state={state} inline={["code"]} />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Checking…" : "Verify"}
        </Button>
      </form>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {notice && state.status === "idle" ? (
        <p role="status" className="rounded-md bg-emerald-50 p-2 text-sm text-emerald-800">
          {notice}
        </p>
      ) : null}
      <Field label="Email" name="email" errors={state.fields?.email}>
        <input id="email" name="email" type="email" autoComplete="username" required className={INPUT_CLASS} />
      </Field>
      <Field label="Password" name="password" errors={state.fields?.password}>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={INPUT_CLASS}
        />
      </Field>
      <FormMessage state={state} inline={["email", "password"]} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-center text-sm">
        <Link href="/forgot-password" className="text-indigo-700 hover:underline">
          Forgot your password?
        </Link>
      </p>
    </form>
  );
}
