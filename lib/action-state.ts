import { AppError, toAppError, type FieldErrors } from "@/lib/errors";

/** What a server action returns to its form (useActionState). */
export type ActionState = {
  status: "idle" | "ok" | "error";
  message?: string;
  fields?: FieldErrors;
  data?: Record<string, unknown>;
};

export const IDLE: ActionState = { status: "idle" };

/**
 * Runs an action body and turns failures into a form state: field messages for
 * validation errors, the error's own message for app errors, a generic line otherwise.
 */
export async function runAction(body: () => Promise<ActionState | void>): Promise<ActionState> {
  try {
    return (await body()) ?? { status: "ok" };
  } catch (error) {
    // Redirects and other framework signals must pass through.
    if (
      error &&
      typeof error === "object" &&
      "digest" in error &&
      String((error as { digest: unknown }).digest).startsWith("NEXT_")
    ) {
      throw error;
    }
    const appError = error instanceof AppError ? error : toAppError(error);
    return { status: "error", message: appError.message, fields: appError.fields };
  }
}

/** FormData to a plain object; repeated keys become arrays. */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const v = typeof value === "string" ? value : value.name;
    if (key in out) out[key] = ([] as unknown[]).concat(out[key], v);
    else out[key] = v;
  }
  return out;
}
