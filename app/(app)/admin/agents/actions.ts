"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/lib/action-state";
import { requireActor } from "@/lib/auth/session";
import { reissueInvitationLink } from "@/lib/services/invitations/reissue-invitation-link";
import { revokeInvitation } from "@/lib/services/invitations/revoke-invitation";
import { inviteUser } from "@/lib/services/users/invite-user";
import type { InviteUserInput } from "@/lib/validations/users";

const field = (form: FormData, name: string) => String(form.get(name) ?? "");

export async function inviteAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    const name = field(form, "name").trim();
    const { invitation, link } = await inviteUser(ctx, {
      email: field(form, "email"),
      // An empty name field means none was given.
      name: name === "" ? undefined : name,
      role: field(form, "role") as InviteUserInput["role"],
    });
    revalidatePath("/admin/agents");
    return { status: "ok", data: { link, email: invitation.email } };
  });
}

export async function reissueInvitationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    const result = await reissueInvitationLink(ctx, { invitation_id: field(form, "invitation_id") });
    revalidatePath("/admin/agents");
    return { status: "ok", data: { link: result.link } };
  });
}

export async function revokeInvitationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    await revokeInvitation(ctx, { invitation_id: field(form, "invitation_id") });
    revalidatePath("/admin/agents");
    return { status: "ok", message: "Invitation withdrawn." };
  });
}
