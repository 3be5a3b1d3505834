import type { Metadata } from "next";
import Link from "next/link";
import { beginTwoFactorAction, confirmTwoFactorAction } from "@/app/(app)/profile/security/actions";
import { TwoFactorEnrolment } from "@/components/account/two-factor-enrolment";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { describeTwoFactor } from "@/lib/services/account/describe-two-factor";
import { listWebSessions } from "@/lib/services/account/list-web-sessions";
import { ChangePasswordForm, DisableTwoFactorForm, RegenerateRecoveryCodesForm, SessionsList } from "./page-client";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage() {
  const { user } = await requireWorkspaceSession("agent", "/profile/security");
  const actor = { userId: user.id, ip: null, sessionId: user.sessionId };
  const [sessions, twoFactor] = await Promise.all([listWebSessions(actor), describeTwoFactor(actor)]);
  return (
    <div className="max-w-2xl space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Security</h1>
        <p className="mt-1 text-sm text-slate-600">
          <Link href="/profile" className="text-indigo-700 underline">
            Profile
          </Link>{" "}
          · {user.email}
        </p>
      </div>
      <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-labelledby="pw">
        <h2 id="pw" className="font-semibold">
          Password
        </h2>
        <ChangePasswordForm />
      </section>
      <section
        className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
        aria-labelledby="tfa"
        data-testid="two-factor"
      >
        <h2 id="tfa" className="font-semibold">
          Two-factor sign-in
        </h2>
        {twoFactor.enabled ? (
          <>
            <p className="text-sm text-slate-700" data-testid="two-factor-status">
              On. {twoFactor.recovery_codes_left} of 10 recovery codes left.
            </p>
            <RegenerateRecoveryCodesForm />
            <DisableTwoFactorForm />
          </>
        ) : (
          <>
            <p className="text-sm text-slate-700" data-testid="two-factor-status">
              Off. With it on, signing in asks for a code from an app on your phone after the password.
            </p>
            <TwoFactorEnrolment
              doneHref="/profile/security"
              beginTwoFactorAction={beginTwoFactorAction}
              confirmTwoFactorAction={confirmTwoFactorAction}
            />
          </>
        )}
      </section>
      <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-labelledby="sessions">
        <h2 id="sessions" className="font-semibold">
          Sessions
        </h2>
        <SessionsList sessions={sessions} />
      </section>
    </div>
  );
}
