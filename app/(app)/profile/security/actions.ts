"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formToObject, runAction, type ActionState } from "@/lib/action-state";
import { requireAccountActor } from "@/lib/auth/session";
import { beginTwoFactorEnrolment } from "@/lib/services/account/begin-two-factor-enrolment";
import { changePassword } from "@/lib/services/account/change-password";
import { confirmTwoFactorEnrolment } from "@/lib/services/account/confirm-two-factor-enrolment";
import { disableTwoFactor } from "@/lib/services/account/disable-two-factor";
import { regenerateRecoveryCodes } from "@/lib/services/account/regenerate-recovery-codes";
import { signOutEverywhere } from "@/lib/services/account/sign-out-everywhere";
import type {
  ChangePasswordInput,
  DisableTwoFactorInput,
  RegenerateRecoveryCodesInput,
  TwoFactorCodeInput,
} from "@/lib/validations/account";

export async function changePasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ended } = await changePassword(await requireAccountActor(), formToObject(form) as ChangePasswordInput);
    revalidatePath("/profile/security");
    return {
      status: "ok",
      message: `Password changed. ${ended === 1 ? "1 other session was" : `${ended} other sessions were`} signed out.`,
    };
  });
}

export async function signOutEverywhereAction(): Promise<void> {
  await signOutEverywhere(await requireAccountActor());
  redirect("/login");
}

export async function beginTwoFactorAction(): Promise<ActionState> {
  return runAction(async () => {
    const enrolment = await beginTwoFactorEnrolment(await requireAccountActor());
    return { status: "ok", data: enrolment };
  });
}

export async function confirmTwoFactorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { recovery_codes } = await confirmTwoFactorEnrolment(
      await requireAccountActor(),
      formToObject(form) as TwoFactorCodeInput,
    );
    // No revalidation here: the page would re-render without the recovery codes before they are read.
    // The panel's "continue" link loads the page afresh.
    return { status: "ok", data: { recovery_codes } };
  });
}

export async function disableTwoFactorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    await disableTwoFactor(await requireAccountActor(), formToObject(form) as DisableTwoFactorInput);
    revalidatePath("/profile/security");
    return { status: "ok", message: "Two-factor sign-in is off." };
  });
}

export async function regenerateRecoveryCodesAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { recovery_codes } = await regenerateRecoveryCodes(
      await requireAccountActor(),
      formToObject(form) as RegenerateRecoveryCodesInput,
    );
    // As at enrolment: no revalidation until the codes have been read.
    return { status: "ok", data: { recovery_codes } };
  });
}
