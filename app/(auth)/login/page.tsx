import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signOutAction } from "@/app/(app)/actions";
import { getCurrentUser, getWorkspaceSession } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/return-path";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

/** Pages a signed-in person may reach without an active workspace: accepting an invitation gives them one. */
const WORKSPACE_NOT_NEEDED = /^\/invite\//;

/** Lines the sign-in page shows after another account page sent the person here. */
const NOTICES: Record<string, string> = {
  reset: "Your new password is set, and every other sign-in has ended. Sign in with it.",
};

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; notice?: string }>;
}) {
  const { callbackUrl, notice } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl);
  const user = await getCurrentUser();
  if (user && (WORKSPACE_NOT_NEEDED.test(returnTo) || (await getWorkspaceSession()))) redirect(returnTo);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6 rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <div>
          <p className="text-lg font-semibold text-indigo-700">Deskbridge</p>
          <h1 className="mt-1 text-2xl font-semibold">Sign in to your helpdesk</h1>
        </div>
        {user ? (
          // Signed in, but offboarded from every workspace: say so rather than bounce back and forth.
          <div role="alert" className="space-y-3 text-sm text-slate-700" data-testid="no-workspace">
            <p>
              You are signed in as <strong>{user.email}</strong>, but you are not an active member of any workspace. An
              admin of your workspace can reactivate you.
            </p>
            <form action={signOutAction}>
              <button type="submit" className="font-medium text-indigo-700 hover:underline">
                Sign out
              </button>
            </form>
          </div>
        ) : (
          <LoginForm callbackUrl={returnTo} notice={notice ? NOTICES[notice] : undefined} />
        )}
      </div>
    </main>
  );
}
