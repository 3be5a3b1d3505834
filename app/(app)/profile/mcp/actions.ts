"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction, type ActionState } from "@/lib/action-state";
import { requireActor } from "@/lib/auth/session";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { renameCredential } from "@/lib/services/credentials/rename-credential";
import { revokeCredential } from "@/lib/services/credentials/revoke-credential";
import { revokePreviousSecret } from "@/lib/services/credentials/revoke-previous-secret";
import { rotateCredential } from "@/lib/services/credentials/rotate-credential";
import { revokeAuthorizedApp } from "@/lib/services/oauth/revoke-authorized-app";
import type {
  CreatePersonalTokenInput,
  RenameCredentialInput,
  RotateCredentialInput,
} from "@/lib/validations/credentials";

export async function generateTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    const token = await createPersonalToken(ctx, formToObject(form) as CreatePersonalTokenInput);
    revalidatePath("/profile/mcp");
    return { status: "ok", message: "Token generated.", data: { secret: token.secret, masked: token.masked } };
  });
}

export async function revokeTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    await revokeCredential(ctx, { id: String(form.get("id") ?? "") });
    revalidatePath("/profile/mcp");
    return { status: "ok", message: "Token revoked." };
  });
}

export async function revokeAppAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    await revokeAuthorizedApp(ctx, { grantId: String(form.get("grant_id") ?? "") });
    revalidatePath("/profile/mcp");
    return { status: "ok", message: "App revoked." };
  });
}

export async function renameTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    const renamed = await renameCredential(ctx, formToObject(form) as RenameCredentialInput);
    revalidatePath("/profile/mcp");
    return { status: "ok", message: `Renamed to “${renamed.name}”.` };
  });
}

export async function rotateTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    const rotated = await rotateCredential(ctx, formToObject(form) as RotateCredentialInput);
    revalidatePath("/profile/mcp");
    return { status: "ok", message: `Rotated ${rotated.name}.`, data: rotated };
  });
}

export async function revokePreviousTokenSecretAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    const result = await revokePreviousSecret(ctx, { id: String(form.get("id") ?? "") });
    revalidatePath("/profile/mcp");
    return { status: "ok", message: `The old secret of ${result.name} no longer works.` };
  });
}
