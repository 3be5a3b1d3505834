export const ACCESS_TOKEN_TTL_S = 3_600;
export const REFRESH_TOKEN_TTL_S = 30 * 86_400;
export const CODE_TTL_MS = 60_000;
/** A rotated refresh token still works this long, so parallel refreshes do not kill the connection. */
export const REFRESH_GRACE_MS = 30_000;

/** The token endpoint's answer (RFC 6749 §5.1). */
export type TokenResponse = {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  refresh_token: string;
  scope: string;
};

export function tokenResponse(access: string, refresh: string, scopes: string[]): TokenResponse {
  return {
    access_token: access,
    token_type: "Bearer",
    expires_in: ACCESS_TOKEN_TTL_S,
    refresh_token: refresh,
    scope: scopes.join(" "),
  };
}
