"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction, type ActionState } from "@/lib/action-state";
import { requireActor } from "@/lib/auth/session";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { renameCredential } from "@/lib/services/credentials/rename-credential";
import { revokeCredential } from "@/lib/services/credentials/revoke-credential";
import { revokePreviousSecret } from "@/lib/services/credentials/revoke-previous-secret";
import { rotateCredential } from "@/lib/services/credentials/rotate-credential";
import { updateKeyIpAllowList } from "@/lib/services/credentials/update-key-ip-allow-list";
import { updateMcpSafety } from "@/lib/services/workspaces/update-mcp-safety";
import type { CreateApiKeyInput, RenameCredentialInput, RotateCredentialInput } from "@/lib/validations/credentials";
import type { UpdateKeyIpAllowListInput } from "@/lib/validations/governance";
import type { McpSafetySettingsInput } from "@/lib/validations/mcp-safety";

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
      drafts_only: form.get("drafts_only") === "on",
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

export async function rotateApiKeyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    const rotated = await rotateCredential(ctx, formToObject(form) as RotateCredentialInput);
    revalidatePath("/settings/api-access");
    return { status: "ok", message: `Rotated ${rotated.name}.`, data: rotated };
  });
}

export async function revokePreviousApiKeySecretAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    const result = await revokePreviousSecret(ctx, { id: String(form.get("id") ?? "") });
    revalidatePath("/settings/api-access");
    return { status: "ok", message: `The old secret of ${result.name} no longer works.` };
  });
}

export async function updateKeyIpAllowListAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    const result = await updateKeyIpAllowList(ctx, {
      id: String(form.get("id") ?? ""),
      ip_allow_list: String(form.get("ip_allow_list") ?? ""),
    } as UpdateKeyIpAllowListInput);
    revalidatePath("/settings/api-access");
    return { status: "ok", message: result.changed ? "IP allow-list saved." : "Nothing changed." };
  });
}

/** A checked box sends "off" (its hidden twin) then "on": the last value is the box's state. */
export async function updateMcpSafetyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("owner");
    const result = await updateMcpSafety(ctx, {
      replies_as_drafts: form.getAll("replies_as_drafts").at(-1)?.toString(),
      lockdown: form.getAll("lockdown").at(-1)?.toString(),
    } as McpSafetySettingsInput);
    revalidatePath("/settings/api-access");
    return { status: "ok", message: result.changed ? "MCP safety saved." : "Nothing changed." };
  });
}
