"use server";

import { headers } from "next/headers";
import { formToObject, runAction, type ActionState } from "@/lib/action-state";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { requestPasswordReset } from "@/lib/services/account/request-password-reset";
import type { ForgotPasswordInput } from "@/lib/validations/account";

export async function forgotPasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    await requestPasswordReset(formToObject(form) as ForgotPasswordInput, { ip: clientIp(await headers()) });
    // The same words whether or not the address has an account.
    return {
      status: "ok",
      message: "If an account uses that address, a link to reset its password is on its way. It works for 30 minutes.",
    };
  });
}
