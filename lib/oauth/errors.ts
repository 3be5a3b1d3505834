// RFC 6749 error bodies with Cache-Control: no-store, for every OAuth endpoint.
import { AppError, type ErrorCode } from "@/lib/errors";

export type OAuthErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "unauthorized_client"
  | "unsupported_grant_type"
  | "invalid_scope"
  | "invalid_target"
  | "access_denied"
  | "server_error"
  | "temporarily_unavailable"
  | "invalid_redirect_uri"
  | "invalid_client_metadata"
  | "slow_down";

const STATUS: Partial<Record<OAuthErrorCode, number>> = {
  invalid_client: 401,
  server_error: 500,
  temporarily_unavailable: 503,
  slow_down: 429,
};

export class OAuthError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
    readonly status: number = STATUS[code] ?? 400,
    /** Sent with the error answer (a limit's Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
    this.name = "OAuthError";
  }
}

export const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

/**
 * The RFC 6749 code an app error answers with, at that code's status; its
 * message, written for people, is the description.
 */
const APP_ERROR_CODE: Record<ErrorCode, OAuthErrorCode> = {
  validation_error: "invalid_request",
  not_found: "invalid_request",
  conflict: "invalid_request",
  limit_reached: "invalid_request",
  confirmation_required: "invalid_request",
  confirmation_declined: "access_denied",
  unauthorized: "access_denied",
  forbidden: "access_denied",
  admin_required: "access_denied",
  owner_required: "access_denied",
  user_required: "access_denied",
  insufficient_scope: "access_denied",
  toolset_not_granted: "access_denied",
  lockdown: "access_denied",
  mcp_disabled: "access_denied",
  credential_kind_disabled: "access_denied",
  ip_not_allowed: "access_denied",
  client_not_allowed: "access_denied",
  rate_limited: "slow_down",
  unavailable: "temporarily_unavailable",
  internal_error: "server_error",
};

/** Any thrown value as an OAuthError; anything unexpected is logged and never shown. */
export function toOAuthError(error: unknown): OAuthError {
  if (error instanceof OAuthError) return error;
  if (error instanceof AppError) {
    const code = APP_ERROR_CODE[error.code];
    return code === "server_error"
      ? new OAuthError(code, "The authorization server hit an unexpected problem.")
      : new OAuthError(code, error.message);
  }
  console.error(
    "[deskbridge] oauth endpoint error:",
    error instanceof Error ? `${error.name}: ${error.message}` : error,
  );
  return new OAuthError("server_error", "The authorization server hit an unexpected problem.");
}

export function oauthErrorResponse(error: unknown, extraHeaders: Record<string, string> = {}): Response {
  const oauth = toOAuthError(error);
  const headers: Record<string, string> = { ...NO_STORE, ...extraHeaders, ...oauth.headers };
  if (oauth.code === "invalid_client" && oauth.status === 401) headers["WWW-Authenticate"] = 'Basic realm="deskbridge"';
  return Response.json({ error: oauth.code, error_description: oauth.description }, { status: oauth.status, headers });
}
