// The invitation link's landing page: create an account or join with one, once.
import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { findInvitation, invitationRefusal } from "@/lib/services/invitations/find-invitation";
import { AcceptForm, JoinForm } from "./accept-form";
import { signOutForInvitationAction } from "./actions";
import { TimeAgo } from "@/components/ui/time-ago";

// The link is a secret: never send it on as a Referer.
export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [found, user] = await Promise.all([findInvitation(token), getCurrentUser()]);
  const here = `/invite/${token}`;
  if (found.status !== "valid" || !found.invitation) {
    return (
      <Shell title="This invitation cannot be used">
        <p role="alert" className="text-sm text-slate-700" data-testid="invitation-status" data-status={found.status}>
          {invitationRefusal(found.status === "valid" ? "invalid" : found.status)}
        </p>
        <Link href="/login" className="text-sm font-medium text-indigo-700 hover:underline">
          Go to sign-in
        </Link>
      </Shell>
    );
  }
  const { invitation } = found;
  const title = `Join ${invitation.workspace.name} on Deskbridge`;
  const intro = (
    <p className="text-sm text-slate-600">
      You were invited as <strong className="capitalize">{invitation.role}</strong>. The link works once and expires{" "}
      <TimeAgo date={invitation.expiresAt} />.
    </p>
  );
  if (user && user.email !== invitation.email) {
    return (
      <Shell title={title}>
        {intro}
        <p role="alert" className="text-sm text-slate-700">
          This invitation is for <strong>{invitation.email}</strong>, but you are signed in as {user.email}. Sign out,
          then open the link again.
        </p>
        <form action={signOutForInvitationAction}>
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="text-sm font-medium text-indigo-700 hover:underline">
            Sign out
          </button>
        </form>
      </Shell>
    );
  }
  if (user) {
    return (
      <Shell title={title}>
        {intro}
        <JoinForm token={token} workspace={invitation.workspace.name} />
      </Shell>
    );
  }
  if (found.accountExists) {
    return (
      <Shell title={title}>
        {intro}
        <p className="text-sm text-slate-700">
          <strong>{invitation.email}</strong> already has a Deskbridge account. Sign in with it to join.
        </p>
        <Link
          href={`/login?callbackUrl=${encodeURIComponent(here)}`}
          className="inline-block rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
        >
          Sign in to join
        </Link>
      </Shell>
    );
  }
  return (
    <Shell title={title}>
      {intro}
      <AcceptForm token={token} email={invitation.email} name={invitation.name ?? ""} />
    </Shell>
  );
}

function Shell({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md space-y-5 rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <div>
          <p className="text-lg font-semibold text-indigo-700">Deskbridge</p>
          <h1 className="mt-1 text-2xl font-semibold">{title}</h1>
        </div>
        {children}
      </div>
    </main>
  );
}
