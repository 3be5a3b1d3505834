"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/config";
import { formToObject, type ActionState } from "@/lib/action-state";
import { fieldErrorsOf } from "@/lib/errors";
import { SignInSchema } from "@/lib/validations/auth";
import { safeReturnPath } from "@/lib/auth/return-path";
import { throttledMessage } from "@/lib/auth/sign-in-throttle";
import { SignInThrottled } from "@/lib/auth/sign-in-throttled";

export async function signInAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const parsed = SignInSchema.safeParse(formToObject(form));
  if (!parsed.success)
    return { status: "error", message: "Check the highlighted fields.", fields: fieldErrorsOf(parsed.error) };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeReturnPath(form.get("callbackUrl")) });
    return { status: "ok" };
  } catch (error) {
    if (error instanceof SignInThrottled) return { status: "error", message: throttledMessage(error.retryAfterS) };
    if (error instanceof AuthError) return { status: "error", message: "Wrong email or password." };
    throw error;
  }
}
