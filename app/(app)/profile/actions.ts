"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction, type ActionState } from "@/lib/action-state";
import { requireAccountActor, requireActor } from "@/lib/auth/session";
import { removeAvatar } from "@/lib/services/account/remove-avatar";
import { setAvatar } from "@/lib/services/account/set-avatar";
import { updateProfileName } from "@/lib/services/account/update-profile-name";
import type { UpdateProfileNameInput } from "@/lib/validations/account";
import { updateDatePreferences } from "@/lib/services/users/date-preferences";
import type { DatePreferencesInput } from "@/lib/validations/profile";

export async function saveDatePreferencesAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    await updateDatePreferences(ctx, formToObject(form) as DatePreferencesInput);
    // Every page shows dates: the layout hands the new settings to all of them.
    revalidatePath("/", "layout");
    return { status: "ok", message: "Date preferences saved." };
  });
}

export async function saveNameAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { changed } = await updateProfileName(
      await requireAccountActor(),
      formToObject(form) as UpdateProfileNameInput,
    );
    // The app bar and every list show the name.
    revalidatePath("/", "layout");
    return { status: "ok", message: changed ? "Name saved." : "No change." };
  });
}

export async function saveAvatarAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const file = form.get("avatar");
    const bytes = file && typeof file !== "string" ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
    await setAvatar(await requireAccountActor(), bytes);
    revalidatePath("/", "layout");
    return { status: "ok", message: "Picture saved." };
  });
}

export async function removeAvatarAction(): Promise<ActionState> {
  return runAction(async () => {
    await removeAvatar(await requireAccountActor());
    revalidatePath("/", "layout");
    return { status: "ok", message: "Picture removed." };
  });
}
