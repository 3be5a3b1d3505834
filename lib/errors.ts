import { z } from "zod";

// App errors carry a code that maps to an HTTP status; anything else is a
// generic 500 that never shows internals.
export const ERROR_STATUS = {
  validation_error: 422,
  unauthorized: 401,
  forbidden: 403,
  admin_required: 403,
  owner_required: 403,
  user_required: 403,
  insufficient_scope: 403,
  toolset_not_granted: 403,
  /** MCP governance: the workspace turned MCP, a credential kind or an address off. */
  mcp_disabled: 403,
  credential_kind_disabled: 403,
  ip_not_allowed: 403,
  client_not_allowed: 403,
  not_found: 404,
  conflict: 409,
  /** A write through MCP on a ticket the workspace's lockdown holds until an agent has looked. */
  lockdown: 423,
  confirmation_required: 428,
  confirmation_declined: 409,
  limit_reached: 409,
  rate_limited: 429,
  unavailable: 503,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fields?: FieldErrors; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = options.fields;
    this.details = options.details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function notFound(what: string): AppError {
  return new AppError("not_found", `${what} was not found in this workspace.`);
}

/** Field → messages, keyed by the dotted path zod reports. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function validationError(error: z.ZodError): AppError {
  const fields = fieldErrorsOf(error);
  const summary = Object.entries(fields)
    .map(([field, messages]) => `${field}: ${messages.join("; ")}`)
    .join(", ");
  return new AppError("validation_error", `Invalid input (${summary}).`, { fields });
}

/** Parses input with a schema, throwing a validation AppError that names each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

/** Maps any thrown value to a safe AppError; unknown errors are logged, never shown. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return validationError(error);
  if (isUnavailable(error)) return new AppError("unavailable", "The database is unavailable. Try again shortly.");
  console.error(
    "[deskbridge] unexpected error:",
    error instanceof Error
      ? `${error.name} ${String((error as { code?: unknown }).code ?? "")}: ${error.message}`
      : error,
  );
  return new AppError("internal_error", "Something went wrong on our side.");
}

function safeJson(value: unknown): string {
  try {
    return value === undefined ? "" : JSON.stringify(value);
  } catch {
    return "";
  }
}

function isUnavailable(error: unknown): boolean {
  const text =
    error instanceof Error
      ? `${error.name} ${error.message} ${String((error as { code?: unknown }).code ?? "")} ${safeJson((error as { meta?: unknown }).meta)} ${String((error as { cause?: unknown }).cause ?? "")}`
      : "";
  return /ECONNREFUSED|ETIMEDOUT|ECONNRESET|EPIPE|Connection terminated|connection error|not queryable|Connection ended|closed the connection|Can.t reach database|timeout exceeded when trying to connect|DatabaseNotReachable|P1001|P1017|P2024/i.test(
    text,
  );
}

export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  return Response.json(
    { error: appError.code, message: appError.message, ...(appError.fields ? { fields: appError.fields } : {}) },
    { status: appError.status },
  );
}
