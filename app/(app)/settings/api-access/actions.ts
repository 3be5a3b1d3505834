"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction, type ActionState } from "@/lib/action-state";
import { requireActor } from "@/lib/auth/session";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { renameCredential } from "@/lib/services/credentials/rename-credential";
import { revokeCredential } from "@/lib/services/credentials/revoke-credential";
import type { CreateApiKeyInput, RenameCredentialInput } from "@/lib/validations/credentials";

export async function createApiKeyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    const input = formToObject(form);
    // The radio sends "true" or "false"; read it here rather than let a schema guess from a string.
    const binding = form.get("org_level");
    const key = await createApiKey(ctx, {
      ...input,
      org_level: binding === "false" ? false : binding === "true" ? true : undefined,
      scopes: form.getAll("scopes").map(String),
      toolsets: form.getAll("toolsets").map(String),
      confirm_destructive: form.get("confirm_destructive") === "on",
    } as CreateApiKeyInput);
    revalidatePath("/settings/api-access");
    return {
      status: "ok",
      message: `Created ${key.name}.`,
      data: { secret: key.secret, masked: key.masked, name: key.name },
    };
  });
}

export async function revokeApiKeyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    const result = await revokeCredential(ctx, { id: String(form.get("id") ?? "") });
    revalidatePath("/settings/api-access");
    return { status: "ok", message: `Revoked ${result.name}.` };
  });
}

export async function renameApiKeyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    const renamed = await renameCredential(ctx, formToObject(form) as RenameCredentialInput);
    revalidatePath("/settings/api-access");
    return { status: "ok", message: `Renamed to “${renamed.name}”.` };
  });
}
