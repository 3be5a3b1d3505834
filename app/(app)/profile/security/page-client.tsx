"use client";

import { useActionState, useState } from "react";
import { RecoveryCodes } from "@/components/account/recovery-codes";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { TimeAgo } from "@/components/ui/time-ago";
import { IDLE, type ActionState } from "@/lib/action-state";
import type { WebSessionRow } from "@/lib/services/account/list-web-sessions";
import { MIN_PASSWORD_LENGTH_VALUE } from "@/lib/validations/password";
import {
  changePasswordAction,
  disableTwoFactorAction,
  regenerateRecoveryCodesAction,
  signOutEverywhereAction,
} from "./actions";

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, IDLE);
  return (
    <form action={action} className="space-y-3" noValidate data-testid="change-password">
      <Field label="Current password" name="current_password" errors={state.fields?.current_password}>
        <input
          id="current_password"
          name="current_password"
          type="password"
          autoComplete="current-password"
          className={INPUT_CLASS}
        />
      </Field>
      <Field
        label="New password"
        name="new_password"
        errors={state.fields?.new_password}
        hint={`At least ${MIN_PASSWORD_LENGTH_VALUE} characters, at least 5 of them different. Your other sessions end.`}
      >
        <input
          id="new_password"
          name="new_password"
          type="password"
          autoComplete="new-password"
          className={INPUT_CLASS}
        />
      </Field>
      <FormMessage state={state} inline={["current_password", "new_password"]} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}

export function DisableTwoFactorForm() {
  const [state, action, pending] = useActionState(disableTwoFactorAction, IDLE);
  return (
    <form action={action} className="space-y-3" noValidate>
      <Field label="Password to turn it off" name="current_password" errors={state.fields?.current_password}>
        <input
          id="disable_current_password"
          name="current_password"
          type="password"
          autoComplete="current-password"
          className={INPUT_CLASS}
        />
      </Field>
      <FormMessage state={state} inline={["current_password"]} />
      <Button type="submit" variant="secondary" disabled={pending}>
        Turn off two-factor sign-in
      </Button>
    </form>
  );
}

/** New recovery codes in place of the old ones, after the password or a code from the app. */
export function RegenerateRecoveryCodesForm() {
  const [state, action, pending] = useActionState(regenerateRecoveryCodesAction, IDLE);
  const [saved, setSaved] = useState<ActionState | null>(null);
  const codes = state.status === "ok" && saved !== state ? (state.data?.recovery_codes as string[]) : null;
  if (codes) {
    return (
      <RecoveryCodes
        codes={codes}
        title="New recovery codes made."
        doneHref="/profile/security"
        onDone={() => setSaved(state)}
      />
    );
  }
  return (
    <form action={action} className="space-y-3" noValidate data-testid="regenerate-recovery-codes">
      <Field
        label="Password or a code from your app"
        name="password_or_code"
        errors={state.fields?.password_or_code}
        hint="New recovery codes replace the old ones, which stop working."
      >
        <input
          id="password_or_code"
          name="password_or_code"
          type="password"
          autoComplete="current-password"
          className={INPUT_CLASS}
        />
      </Field>
      <FormMessage state={state} inline={["password_or_code"]} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Making codes…" : "New recovery codes"}
      </Button>
    </form>
  );
}

/** "Chrome on Linux" from a User-Agent header; enough to tell one's own devices apart. */
function describeDevice(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const browser =
    [
      ["Edg/", "Edge"],
      ["Firefox/", "Firefox"],
      ["Chrome/", "Chrome"],
      ["Safari/", "Safari"],
    ].find(([token]) => userAgent.includes(token!))?.[1] ?? "A browser";
  const system =
    [
      ["Android", "Android"],
      ["iPhone", "iOS"],
      ["iPad", "iPadOS"],
      ["Windows", "Windows"],
      ["Mac OS X", "macOS"],
      ["Linux", "Linux"],
    ].find(([token]) => userAgent.includes(token!))?.[1] ?? null;
  return system ? `${browser} on ${system}` : browser;
}

export function SessionsList({ sessions }: { sessions: WebSessionRow[] }) {
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-slate-200 text-sm" data-testid="sessions">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2" data-testid="session-row">
            <span title={s.user_agent ?? undefined}>
              {describeDevice(s.user_agent)}
              {s.current ? (
                <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-800">This device</span>
              ) : null}
            </span>
            <span className="text-slate-600">
              {s.ip ?? "Unknown address"} · last seen <TimeAgo date={s.last_seen_at} /> · signed in{" "}
              <TimeAgo date={s.created_at} />
            </span>
          </li>
        ))}
      </ul>
      <form action={signOutEverywhereAction}>
        <Button type="submit" variant="danger">
          Sign out everywhere
        </Button>
        <p className="mt-1 text-xs text-slate-500">
          Ends every web session, this one included. API keys, personal tokens and connected apps keep working.
        </p>
      </form>
    </div>
  );
}
