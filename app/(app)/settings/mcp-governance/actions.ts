"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction, type ActionState } from "@/lib/action-state";
import { requireActor } from "@/lib/auth/session";
import { decideAccessRequest } from "@/lib/services/governance/decide-access-request";
import { updateMcpGovernance } from "@/lib/services/governance/update-mcp-governance";
import type { DecideAccessRequestInput, McpGovernanceInput } from "@/lib/validations/governance";

export async function updateMcpGovernanceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("owner");
    await updateMcpGovernance(ctx, formToObject(form) as McpGovernanceInput);
    revalidatePath("/settings/mcp-governance");
    return { status: "ok", message: "Governance saved." };
  });
}

export async function decideAccessRequestAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("owner");
    const { status } = await decideAccessRequest(ctx, formToObject(form) as DecideAccessRequestInput);
    revalidatePath("/settings/mcp-governance");
    return { status: "ok", message: status === "approved" ? "Approved." : "Denied." };
  });
}
