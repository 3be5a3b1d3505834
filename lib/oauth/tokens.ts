import "server-only";
import { generateToken, hashToken, tokenDisplay } from "@/lib/credentials/token-format";
import { revokeAccess } from "@/lib/credentials/revoke";
import type { Prisma } from "@/lib/generated/prisma/client";

export const ACCESS_TOKEN_TTL_S = 3_600;
export const REFRESH_TOKEN_TTL_S = 30 * 86_400;
export const CODE_TTL_MS = 60_000;
/** A rotated refresh token still works this long, so parallel refreshes do not kill the connection. */
export const REFRESH_GRACE_MS = 30_000;

export type TokenResponse = {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  refresh_token: string;
  scope: string;
};

type TokenOptions = { grantId: string; scopes: string[]; resource: string };

/** Mints an access token for a grant, hashed at rest. */
export async function issueAccessToken(tx: Prisma.TransactionClient, options: TokenOptions): Promise<string> {
  const access = generateToken("oauth_access");
  await tx.oAuthToken.create({
    data: {
      grantId: options.grantId,
      kind: "access",
      secretHash: hashToken(access),
      ...tokenDisplay(access),
      scopes: options.scopes,
      resource: options.resource,
      expiresAt: new Date(Date.now() + ACCESS_TOKEN_TTL_S * 1000),
    },
    select: { id: true },
  });
  return access;
}

/** Mints an access and a refresh token for a grant, hashed at rest; also returns the refresh token's row id. */
export async function issueTokenPair(
  tx: Prisma.TransactionClient,
  options: TokenOptions,
): Promise<TokenResponse & { refreshId: string }> {
  const access = await issueAccessToken(tx, options);
  const refresh = generateToken("oauth_refresh");
  const row = await tx.oAuthToken.create({
    data: {
      grantId: options.grantId,
      kind: "refresh",
      secretHash: hashToken(refresh),
      ...tokenDisplay(refresh),
      scopes: options.scopes,
      resource: options.resource,
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_S * 1000),
    },
    select: { id: true },
  });
  return { ...tokenResponse(access, refresh, options.scopes), refreshId: row.id };
}

export function tokenResponse(access: string, refresh: string, scopes: string[]): TokenResponse {
  return {
    access_token: access,
    token_type: "Bearer",
    expires_in: ACCESS_TOKEN_TTL_S,
    refresh_token: refresh,
    scope: scopes.join(" "),
  };
}

/** Revokes a grant, everything it issued and every key minted under it. */
export async function revokeGrant(tx: Prisma.TransactionClient, grantId: string, reason: string) {
  await revokeAccess(tx, { grantIds: [grantId] }, { reason });
}
