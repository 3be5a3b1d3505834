import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/account/auth-card";
import { beginTwoFactorAction, confirmTwoFactorAction } from "@/app/(app)/profile/security/actions";
import { TwoFactorEnrolment } from "@/components/account/two-factor-enrolment";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Set up two-factor sign-in" };

/** Where a member whose workspace requires two-factor sign-in lands after the password, until it is set up. */
export default async function EnrolTwoFactorPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (!user.mustEnrolTwoFactor) redirect("/tickets");
  return (
    <AuthCard title="Set up two-factor sign-in">
      <p className="text-sm text-slate-600">
        Your workspace requires two-factor sign-in for owners and admins. Set it up to continue; your API keys and app
        connections keep working meanwhile.
      </p>
      <TwoFactorEnrolment
        doneHref="/tickets"
        beginTwoFactorAction={beginTwoFactorAction}
        confirmTwoFactorAction={confirmTwoFactorAction}
      />
    </AuthCard>
  );
}
