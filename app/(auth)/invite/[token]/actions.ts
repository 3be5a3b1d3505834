"use server";

import { redirect } from "next/navigation";
import { runAction, type ActionState } from "@/lib/action-state";
import { signIn, signOut } from "@/lib/auth/config";
import { getCurrentUser, setActiveWorkspace } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { acceptInvitation } from "@/lib/services/invitations/accept-invitation";
import { joinWithInvitation } from "@/lib/services/invitations/join-with-invitation";

const field = (form: FormData, name: string) => String(form.get(name) ?? "");

/** A new account from the invitation, then straight into the workspace, signed in. */
export async function acceptInvitationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const password = field(form, "password");
    const result = await acceptInvitation({ token: field(form, "token"), name: field(form, "name"), password });
    await setActiveWorkspace(result.workspace.slug);
    await signIn("credentials", { email: result.email, password, redirectTo: "/tickets" });
  });
}

/** The signed-in person joins with the account they have. */
export async function joinInvitationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthorized", "Your session has ended. Sign in again, then open the link.");
    const result = await joinWithInvitation({ token: field(form, "token"), userId: user.id });
    await setActiveWorkspace(result.workspace.slug);
    redirect("/tickets");
  });
}

/** Signed in as someone else: sign out and come back to the same link. */
export async function signOutForInvitationAction(form: FormData) {
  await signOut({ redirectTo: `/invite/${encodeURIComponent(field(form, "token"))}` });
}
