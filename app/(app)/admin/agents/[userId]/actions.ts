"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/lib/action-state";
import { requireActor } from "@/lib/auth/session";
import { revokeAllUserAccess } from "@/lib/services/credentials/revoke-all-user-access";
import { revokeCredential } from "@/lib/services/credentials/revoke-credential";
import { revokeAuthorizedApp } from "@/lib/services/oauth/revoke-authorized-app";

export async function revokeAgentCredentialAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    await revokeCredential(ctx, { id: String(form.get("id") ?? "") });
    revalidatePath(`/admin/agents/${String(form.get("user_id"))}`);
    return { status: "ok", message: "Revoked." };
  });
}

export async function revokeAgentAppAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    await revokeAuthorizedApp(ctx, { grantId: String(form.get("grant_id") ?? "") });
    revalidatePath(`/admin/agents/${String(form.get("user_id"))}`);
    return { status: "ok", message: "App revoked." };
  });
}

export async function revokeAllAccessAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    const userId = String(form.get("user_id") ?? "");
    const result = await revokeAllUserAccess(ctx, { userId });
    revalidatePath(`/admin/agents/${userId}`);
    return {
      status: "ok",
      message: `Revoked ${result.revoked_credentials} tokens and keys and ${result.revoked_apps} apps.`,
    };
  });
}
