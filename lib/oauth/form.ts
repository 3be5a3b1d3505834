import type { z } from "zod";
import { OAuthError } from "@/lib/oauth/errors";

const MAX_FORM_BYTES = 16 * 1024;

/** Token and revocation requests are application/x-www-form-urlencoded (RFC 6749 §3.2). */
export async function readOAuthForm(request: Request): Promise<URLSearchParams> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/x-www-form-urlencoded")) {
    throw new OAuthError("invalid_request", "Send the parameters as application/x-www-form-urlencoded.");
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_FORM_BYTES)
    throw new OAuthError("invalid_request", "The request body is too large.");
  const form = new URLSearchParams(text);
  for (const key of new Set(form.keys())) {
    if (form.getAll(key).length > 1) throw new OAuthError("invalid_request", `${key} must not be repeated.`);
  }
  return form;
}

/**
 * Validates a form with its schema (lib/validations/oauth.ts). The first
 * problem answers as RFC 6749 §5.2 has it: unsupported_grant_type when it is
 * grant_type, invalid_request otherwise, described by the message naming the field.
 */
export function parseOAuthForm<S extends z.ZodType>(schema: S, form: URLSearchParams): z.infer<S> {
  const parsed = schema.safeParse(Object.fromEntries(form));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new OAuthError(issue.path[0] === "grant_type" ? "unsupported_grant_type" : "invalid_request", issue.message);
}
