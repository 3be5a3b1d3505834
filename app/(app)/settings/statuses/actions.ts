"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction, type ActionState } from "@/lib/action-state";
import { requireActor } from "@/lib/auth/session";
import { createCaseStatus } from "@/lib/services/case-statuses/create-case-status";
import { deleteCaseStatus } from "@/lib/services/case-statuses/delete-case-status";
import { updateCaseStatus } from "@/lib/services/case-statuses/update-case-status";
import { updateCaseWorkflow } from "@/lib/services/case-statuses/update-case-workflow";
import type {
  CaseStatusRefInput,
  CreateCaseStatusInput,
  UpdateCaseStatusInput,
  UpdateCaseWorkflowInput,
} from "@/lib/validations/case-statuses";

function done(message: string): ActionState {
  revalidatePath("/settings/statuses");
  return { status: "ok", message };
}

export async function createCaseStatusAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    const created = await createCaseStatus(ctx, formToObject(form) as CreateCaseStatusInput);
    return done(`Added “${created.name}”.`);
  });
}

export async function updateCaseStatusAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    const updated = await updateCaseStatus(ctx, formToObject(form) as UpdateCaseStatusInput);
    return done(`Saved “${updated.name}”.`);
  });
}

export async function deleteCaseStatusAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    const deleted = await deleteCaseStatus(ctx, formToObject(form) as CaseStatusRefInput);
    return done(`Deleted “${deleted.name}”.`);
  });
}

export async function updateCaseWorkflowAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    // An empty box turns the rule off (null).
    const input = formToObject(form);
    await updateCaseWorkflow(ctx, {
      reopen_window_days: input.reopen_window_days ?? null,
      auto_close_days: input.auto_close_days ?? null,
    } as UpdateCaseWorkflowInput);
    return done("Workflow rules saved.");
  });
}
