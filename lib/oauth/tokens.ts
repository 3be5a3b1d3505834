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

/** Mints a token of one kind for a grant, hashed at rest; returns the secret and its row id. */
async function mintToken(tx: Prisma.TransactionClient, kind: "access" | "refresh", options: TokenOptions) {
  const secret = generateToken(kind === "access" ? "oauth_access" : "oauth_refresh");
  const ttlS = kind === "access" ? ACCESS_TOKEN_TTL_S : REFRESH_TOKEN_TTL_S;
  const row = await tx.oAuthToken.create({
    data: {
      grantId: options.grantId,
      kind,
      secretHash: hashToken(secret),
      ...tokenDisplay(secret),
      scopes: options.scopes,
      resource: options.resource,
      expiresAt: new Date(Date.now() + ttlS * 1000),
    },
    select: { id: true },
  });
  return { secret, id: row.id };
}

/** Mints an access token for a grant. */
export async function issueAccessToken(tx: Prisma.TransactionClient, options: TokenOptions): Promise<string> {
  return (await mintToken(tx, "access", options)).secret;
}

/** Mints an access and a refresh token for a grant; also returns the refresh token's row id. */
export async function issueTokenPair(
  tx: Prisma.TransactionClient,
  options: TokenOptions,
): Promise<TokenResponse & { refreshId: string }> {
  const access = await issueAccessToken(tx, options);
  const refresh = await mintToken(tx, "refresh", options);
  return { ...tokenResponse(access, refresh.secret, options.scopes), refreshId: refresh.id };
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
