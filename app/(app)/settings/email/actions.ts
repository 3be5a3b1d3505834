"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction, type ActionState } from "@/lib/action-state";
import { requireActor } from "@/lib/auth/session";
import { updateEmailChannel } from "@/lib/services/email/update-email-channel";

export async function updateEmailChannelAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    const fields = formToObject(form);
    const result = await updateEmailChannel(ctx, {
      enabled: fields.enabled === "on",
      sender_name: String(fields.sender_name ?? ""),
      sender_address: String(fields.sender_address ?? ""),
    });
    revalidatePath("/settings/email");
    return { status: "ok", message: result.changed ? "Email channel saved." : "No change." };
  });
}
