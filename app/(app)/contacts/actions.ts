"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formToObject, runAction, type ActionState } from "@/lib/action-state";
import { requireActor } from "@/lib/auth/session";
import { mergeContacts } from "@/lib/services/contacts/merge-contacts";
import { updateContact } from "@/lib/services/contacts/update-contact";
import type { MergeContactsInput, UpdateContactInput } from "@/lib/validations/contacts";

export async function updateContactAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    const input = formToObject(form) as UpdateContactInput;
    await updateContact(ctx, input);
    revalidatePath(`/contacts/${input.contact_id}`);
    return { status: "ok", message: "Contact saved." };
  });
}

/** Merges the duplicate into the kept contact, then shows the kept contact. */
export async function mergeContactsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(async () => {
    const { ctx } = await requireActor();
    const input = formToObject(form) as MergeContactsInput;
    await mergeContacts(ctx, input);
    revalidatePath("/contacts");
    return { status: "ok", data: { keep: input.keep_contact_id } };
  });
  if (state.status === "ok") redirect(`/contacts/${String(state.data?.keep)}?merged=1`);
  return state;
}
