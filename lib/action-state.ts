import { AppError, toAppError, type FieldErrors } from "@/lib/errors";

/** What a server action returns to its form (useActionState). */
export type ActionState = {
  status: "idle" | "ok" | "error";
  /** A line about the whole form; never a repeat of a field's message. */
  message?: string;
  /** Sentences per form field (the top-level input name), each once. */
  fields?: FieldErrors;
  data?: Record<string, unknown>;
};

export const IDLE: ActionState = { status: "idle" };

/**
 * Runs an action body and turns failures into a form state: sentences per
 * field for errors that name fields, the error's own message otherwise, a
 * generic line for anything unexpected.
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
    if (appError.fields && Object.keys(appError.fields).length) {
      return { status: "error", fields: formFieldErrors(appError.fields) };
    }
    return { status: "error", message: appError.message };
  }
}

/**
 * Field errors as people read them. Tools get errors keyed by the exact path
 * (`tags.1`); a form has one control per top-level name, so messages gather
 * under it, each written as a sentence and shown once.
 */
export function formFieldErrors(fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, messages] of Object.entries(fields)) {
    const name = path.split(".")[0] || "_";
    const list = (out[name] ??= []);
    for (const message of messages.map(asSentence)) if (!list.includes(message)) list.push(message);
  }
  return out;
}

/** A capital first letter and a closing full stop, for messages written as fragments. */
export function asSentence(message: string): string {
  const text = message.trim();
  if (!text) return text;
  const capitalised = text[0]!.toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
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
