"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/lib/action-state";
import { requireActor } from "@/lib/auth/session";
import { revokeAllUserAccess } from "@/lib/services/credentials/revoke-all-user-access";
import { revokeCredential } from "@/lib/services/credentials/revoke-credential";
import { revokeAuthorizedApp } from "@/lib/services/oauth/revoke-authorized-app";
import { changeMemberRole } from "@/lib/services/users/change-member-role";
import { reactivateMember } from "@/lib/services/users/reactivate-member";
import type { ChangeMemberRoleInput } from "@/lib/validations/users";

const field = (form: FormData, name: string) => String(form.get(name) ?? "");

function refresh(userId: string) {
  revalidatePath(`/admin/agents/${userId}`);
  revalidatePath("/admin/agents");
}

export async function revokeAgentCredentialAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    await revokeCredential(ctx, { id: field(form, "id") });
    refresh(field(form, "user_id"));
    return { status: "ok", message: "Revoked." };
  });
}

export async function revokeAgentAppAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    await revokeAuthorizedApp(ctx, { grantId: field(form, "grant_id") });
    refresh(field(form, "user_id"));
    return { status: "ok", message: "App revoked." };
  });
}

export async function offboardAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    const result = await revokeAllUserAccess(ctx, { userId: field(form, "user_id") });
    refresh(result.user_id);
    return {
      status: "ok",
      message: `Offboarded: signed out of this workspace; ${result.revoked_credentials} tokens and keys and ${result.revoked_apps} apps revoked.`,
    };
  });
}

export async function reactivateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    const result = await reactivateMember(ctx, { user_id: field(form, "user_id") });
    refresh(result.user_id);
    return { status: "ok", message: "Reactivated: they can sign in again. Revoked tokens stay revoked." };
  });
}

export async function changeRoleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    const result = await changeMemberRole(ctx, {
      user_id: field(form, "user_id"),
      role: field(form, "role") as ChangeMemberRoleInput["role"],
    });
    refresh(result.user_id);
    return { status: "ok", message: result.changed ? `Role changed to ${result.role}.` : `Already ${result.role}.` };
  });
}
