"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { formToObject, runAction, type ActionState } from "@/lib/action-state";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { completePasswordReset } from "@/lib/services/account/complete-password-reset";
import type { ResetPasswordWithTokenInput } from "@/lib/validations/account";

export async function resetPasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    await completePasswordReset(formToObject(form) as ResetPasswordWithTokenInput, {
      ip: clientIp(await headers()),
    });
    redirect("/login?notice=reset");
  });
}
