"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/lib/action-state";
import { requireActor } from "@/lib/auth/session";
import { createAutomation } from "@/lib/services/automations/create-automation";
import { deleteAutomation } from "@/lib/services/automations/delete-automation";
import { listAutomationRuns } from "@/lib/services/automations/list-automation-runs";
import { updateAutomation } from "@/lib/services/automations/update-automation";
import type { AutomationRunJson } from "@/lib/services/automations/shared";
import type { CreateAutomationInput } from "@/lib/validations/automations";

/** Creates a rule, or replaces one's fields when id is given (the form already checked the shared schema). */
export async function saveAutomationAction(input: CreateAutomationInput & { id?: string }): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    const { id, ...fields } = input;
    if (id) await updateAutomation(ctx, { automation: id, ...fields });
    else await createAutomation(ctx, fields);
    revalidatePath("/settings/automations");
    return { status: "ok", message: "Rule saved." };
  });
}

export async function setAutomationEnabledAction(id: string, enabled: boolean): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    await updateAutomation(ctx, { automation: id, enabled });
    revalidatePath("/settings/automations");
    return { status: "ok", message: enabled ? "Rule turned on." : "Rule turned off." };
  });
}

export async function moveAutomationAction(id: string, position: number): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    await updateAutomation(ctx, { automation: id, position });
    revalidatePath("/settings/automations");
    return { status: "ok", message: "Order saved." };
  });
}

export async function deleteAutomationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    await deleteAutomation(ctx, { automation: String(form.get("automation") ?? "") });
    revalidatePath("/settings/automations");
    return { status: "ok", message: "Rule deleted." };
  });
}

/** The latest runs of one rule, for its run log. */
export async function loadRunsAction(id: string): Promise<{ runs: AutomationRunJson[] } | { error: string }> {
  const { ctx } = await requireActor();
  try {
    const { items } = await listAutomationRuns(ctx, { automation: id, limit: 25 });
    return { runs: items };
  } catch {
    return { error: "The run log could not be loaded." };
  }
}
