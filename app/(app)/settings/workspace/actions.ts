"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction, type ActionState } from "@/lib/action-state";
import { requireActor } from "@/lib/auth/session";
import { updateCsatSettings } from "@/lib/services/csat/update-csat-settings";
import { updateRoundRobin } from "@/lib/services/agent-status/update-round-robin";
import { setRequireTwoFactor } from "@/lib/services/account/set-require-two-factor";
import type { RequireTwoFactorInput } from "@/lib/validations/account";
import { updateOAuthPolicy } from "@/lib/services/workspaces/update-oauth-policy";
import { updateRateLimits } from "@/lib/services/workspaces/update-rate-limits";
import type { CsatSettingsInput } from "@/lib/validations/csat";
import type { RoundRobinInput } from "@/lib/validations/agent-status";
import type { OAuthPolicyInput, RateLimitOverrides } from "@/lib/validations/settings";
import { updateMcpConfirmation } from "@/lib/services/workspaces/update-mcp-confirmation";
import type { McpConfirmationInput } from "@/lib/validations/settings";

export async function updateOAuthPolicyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("owner");
    await updateOAuthPolicy(ctx, formToObject(form) as OAuthPolicyInput);
    revalidatePath("/settings/workspace");
    return { status: "ok", message: "Saved." };
  });
}

export async function updateRateLimitsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("owner");
    const input = Object.fromEntries(Object.entries(formToObject(form)).filter(([, v]) => v !== ""));
    await updateRateLimits(ctx, input as RateLimitOverrides);
    revalidatePath("/settings/workspace");
    return { status: "ok", message: "Limits saved." };
  });
}

export async function updateCsatScaleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    await updateCsatSettings(ctx, formToObject(form) as CsatSettingsInput);
    revalidatePath("/settings/workspace");
    return { status: "ok", message: "Rating scale saved." };
  });
}

export async function updateRoundRobinAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("owner");
    const { changed, round_robin } = await updateRoundRobin(ctx, formToObject(form) as RoundRobinInput);
    revalidatePath("/settings/workspace");
    if (!changed) return { status: "ok", message: "No change." };
    return { status: "ok", message: round_robin ? "Round-robin is on." : "Round-robin is off." };
  });
}

export async function updateRequireTwoFactorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("owner");
    const { changed, require_two_factor } = await setRequireTwoFactor(ctx, formToObject(form) as RequireTwoFactorInput);
    revalidatePath("/settings/workspace");
    if (!changed) return { status: "ok", message: "No change." };
    return {
      status: "ok",
      message: require_two_factor
        ? "Owners and admins now need two-factor sign-in."
        : "Two-factor sign-in is no longer required.",
    };
  });
}

export async function updateMcpConfirmationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("owner");
    const result = await updateMcpConfirmation(ctx, formToObject(form) as McpConfirmationInput);
    revalidatePath("/settings/workspace");
    if (!result.changed) return { status: "ok", message: "No change." };
    return {
      status: "ok",
      message: result.confirm_destructive
        ? `Destructive MCP actions confirm first (bulk changes over ${result.bulk_over} tickets).`
        : "Destructive MCP actions no longer ask for confirmation.",
    };
  });
}
