"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/config";
import { formToObject, type ActionState } from "@/lib/action-state";
import { fieldErrorsOf } from "@/lib/errors";
import { TwoFactorSignInSchema } from "@/lib/validations/account";
import { SignInSchema } from "@/lib/validations/auth";
import { safeReturnPath } from "@/lib/auth/return-path";
import { throttledMessage } from "@/lib/auth/sign-in-throttle";
import { SignInThrottled } from "@/lib/auth/sign-in-throttled";
import { TwoFactorFailed, TwoFactorRequired } from "@/lib/auth/two-factor-errors";

export async function signInAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  if (form.get("challenge")) return codeStep(form);
  const parsed = SignInSchema.safeParse(formToObject(form));
  if (!parsed.success)
    return { status: "error", message: "Check the highlighted fields.", fields: fieldErrorsOf(parsed.error) };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeReturnPath(form.get("callbackUrl")) });
    return { status: "ok" };
  } catch (error) {
    if (error instanceof TwoFactorRequired) return { status: "ok", data: { challenge: error.challenge } };
    if (error instanceof SignInThrottled) return { status: "error", message: throttledMessage(error.retryAfterS) };
    if (error instanceof AuthError) return { status: "error", message: "Wrong email or password." };
    throw error;
  }
}

/** The second step: the challenge from the password step and a code from the app (or a recovery code). */
async function codeStep(form: FormData): Promise<ActionState> {
  const challenge = String(form.get("challenge"));
  const parsed = TwoFactorSignInSchema.safeParse(formToObject(form));
  if (!parsed.success) return { status: "error", fields: fieldErrorsOf(parsed.error), data: { challenge } };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeReturnPath(form.get("callbackUrl")) });
    return { status: "ok" };
  } catch (error) {
    if (error instanceof SignInThrottled) {
      return { status: "error", message: throttledMessage(error.retryAfterS), data: { challenge } };
    }
    if (error instanceof TwoFactorFailed && error.retry) {
      return {
        status: "error",
        fields: { code: ["That code is not right. Enter the newest code."] },
        data: { challenge },
      };
    }
    if (error instanceof AuthError) {
      return {
        status: "error",
        message: "That sign-in has expired or had too many wrong codes. Enter your password again.",
      };
    }
    throw error;
  }
}
