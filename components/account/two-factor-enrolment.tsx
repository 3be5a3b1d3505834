"use client";

import { useActionState, useState, useTransition } from "react";
import { RecoveryCodes } from "@/components/account/recovery-codes";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE, type ActionState } from "@/lib/action-state";

type Enrolment = { secret: string; uri: string; qr_data_url: string };

/**
 * Setting up two-factor sign-in: a new seed (QR code and the key written out),
 * a code from the app to check it, then the recovery codes, shown this once.
 * The page hands in the two server actions (begin, confirm), so this component
 * stays below the pages that use it.
 */
export function TwoFactorEnrolment({
  doneHref,
  beginTwoFactorAction,
  confirmTwoFactorAction,
}: {
  doneHref: string;
  beginTwoFactorAction: () => Promise<ActionState>;
  confirmTwoFactorAction: (prev: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const [started, setStarted] = useState<ActionState>(IDLE);
  const [starting, startTransition] = useTransition();
  const [confirmed, confirm, confirming] = useActionState(confirmTwoFactorAction, IDLE);
  const enrolment = started.status === "ok" ? (started.data as Enrolment) : null;
  const codes = confirmed.status === "ok" ? (confirmed.data?.recovery_codes as string[]) : null;

  if (codes) return <RecoveryCodes codes={codes} title="Two-factor sign-in is on." doneHref={doneHref} />;
  if (!enrolment) {
    return (
      <div className="space-y-2">
        <Button
          type="button"
          disabled={starting}
          onClick={() => startTransition(async () => setStarted(await beginTwoFactorAction()))}
        >
          {starting ? "Preparing…" : "Set up two-factor sign-in"}
        </Button>
        <FormMessage state={started} />
      </div>
    );
  }
  return (
    <form action={confirm} className="space-y-3 text-sm" noValidate data-testid="two-factor-enrolment">
      <p className="text-slate-700">
        Scan this QR code with an authenticator app (1Password, Google Authenticator, Authy…), or type the key in by
        hand.
      </p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server, nothing to optimise */}
      <img src={enrolment.qr_data_url} alt="QR code for your authenticator app" width={200} height={200} />
      <p>
        Key: <code data-testid="totp-secret">{enrolment.secret}</code>
      </p>
      <details>
        <summary className="cursor-pointer text-slate-600">Setup link</summary>
        <code className="break-all text-xs">{enrolment.uri}</code>
      </details>
      <Field label="Code from the app" name="code" errors={confirmed.fields?.code}>
        <input
          id="code"
          name="code"
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          className={INPUT_CLASS}
        />
      </Field>
      <FormMessage state={confirmed} inline={["code"]} />
      <Button type="submit" disabled={confirming}>
        {confirming ? "Checking…" : "Turn on"}
      </Button>
    </form>
  );
}
