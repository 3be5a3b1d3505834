"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/lib/action-state";
import { requireActor } from "@/lib/auth/session";
import { createMacro } from "@/lib/services/macros/create-macro";
import { deleteMacro } from "@/lib/services/macros/delete-macro";
import { updateMacro } from "@/lib/services/macros/update-macro";
import type { CreateMacroInput } from "@/lib/validations/macros";

/** Creates a macro, or replaces one's fields when id is given (the form already checked the shared schema). */
export async function saveMacroAction(input: CreateMacroInput & { id?: string }): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    const { id, ...fields } = input;
    if (id) await updateMacro(ctx, { macro: id, ...fields, description: fields.description ?? "" });
    else await createMacro(ctx, fields);
    revalidatePath("/settings/macros");
    return { status: "ok", message: "Macro saved." };
  });
}

export async function deleteMacroAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    await deleteMacro(ctx, { macro: String(form.get("macro") ?? "") });
    revalidatePath("/settings/macros");
    return { status: "ok", message: "Macro deleted." };
  });
}
