// RFC 6749 error bodies with Cache-Control: no-store, for every OAuth endpoint.

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
  ) {
    super(description);
    this.name = "OAuthError";
  }
}

export const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

export function oauthErrorResponse(error: unknown, extraHeaders: Record<string, string> = {}): Response {
  const oauth =
    error instanceof OAuthError
      ? error
      : (console.error(
          "[deskbridge] oauth endpoint error:",
          error instanceof Error ? `${error.name}: ${error.message}` : error,
        ),
        new OAuthError("server_error", "The authorization server hit an unexpected problem."));
  const headers: Record<string, string> = { ...NO_STORE, ...extraHeaders };
  if (oauth.code === "invalid_client" && oauth.status === 401) headers["WWW-Authenticate"] = 'Basic realm="deskbridge"';
  return Response.json({ error: oauth.code, error_description: oauth.description }, { status: oauth.status, headers });
}
