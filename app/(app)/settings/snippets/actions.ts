"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/lib/action-state";
import { requireActor } from "@/lib/auth/session";
import { createSnippet } from "@/lib/services/snippets/create-snippet";
import { deleteSnippet } from "@/lib/services/snippets/delete-snippet";
import { updateSnippet } from "@/lib/services/snippets/update-snippet";
import type { CreateSnippetInput } from "@/lib/validations/snippets";

/** Creates a snippet, or replaces one's fields when id is given. */
export async function saveSnippetAction(input: CreateSnippetInput & { id?: string }): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    const { id, ...fields } = input;
    if (id) await updateSnippet(ctx, { snippet: id, ...fields });
    else await createSnippet(ctx, fields);
    revalidatePath("/settings/snippets");
    return { status: "ok", message: "Snippet saved." };
  });
}

export async function deleteSnippetAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    await deleteSnippet(ctx, { snippet: String(form.get("snippet") ?? "") });
    revalidatePath("/settings/snippets");
    return { status: "ok", message: "Snippet deleted." };
  });
}
