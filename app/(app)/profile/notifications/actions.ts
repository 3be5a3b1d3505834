"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/lib/action-state";
import { requireActor } from "@/lib/auth/session";
import { updateNotificationPreferences } from "@/lib/services/notifications/preferences";
import type { NotificationPreferencesInput } from "@/lib/validations/notifications";

export async function saveNotificationPreferencesAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    const email = form.getAll("email").map(String) as NotificationPreferencesInput["email"];
    await updateNotificationPreferences(ctx, { email });
    revalidatePath("/profile/notifications");
    return { status: "ok", message: "Preferences saved." };
  });
}
