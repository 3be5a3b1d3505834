import "server-only";
import { prisma } from "@/lib/db";
import { hashToken, parseToken } from "@/lib/credentials/token-format";
import type { OAuthClientRecord } from "@/lib/oauth/clients";
import { OAuthError } from "@/lib/oauth/errors";
import { parseRequestedScopes, sameOrNarrower } from "@/lib/oauth/scopes";
import { issueTokenPair, REFRESH_GRACE_MS, revokeGrant, type TokenResponse } from "@/lib/oauth/tokens";

/**
 * grant_type=refresh_token with rotation. A rotated token stays good for a
 * short grace window (parallel refreshes); presented after that, it is treated
 * as stolen and the whole grant dies.
 */
export async function exchangeRefreshToken(client: OAuthClientRecord, form: URLSearchParams): Promise<TokenResponse> {
  const token = form.get("refresh_token");
  if (!token) throw new OAuthError("invalid_request", "refresh_token is required.");
  if (parseToken(token) !== "oauth_refresh") throw new OAuthError("invalid_grant", "The refresh token is invalid.");
  const row = await prisma.oAuthToken.findUnique({
    where: { secretHash: hashToken(token) },
    select: {
      id: true,
      kind: true,
      grantId: true,
      scopes: true,
      resource: true,
      expiresAt: true,
      rotatedAt: true,
      revokedAt: true,
      grant: { select: { clientId: true, revokedAt: true, scopes: true } },
    },
  });
  if (!row || row.kind !== "refresh") throw new OAuthError("invalid_grant", "The refresh token is invalid.");
  if (row.grant.clientId !== client.id)
    throw new OAuthError("invalid_grant", "The refresh token was issued to another client.");
  if (row.grant.revokedAt || row.revokedAt) throw new OAuthError("invalid_grant", "The authorization was revoked.");
  if (row.expiresAt <= new Date()) throw new OAuthError("invalid_grant", "The refresh token has expired.");
  if (row.rotatedAt && Date.now() - row.rotatedAt.getTime() > REFRESH_GRACE_MS) {
    await prisma.$transaction((tx) => revokeGrant(tx, row.grantId, "refresh_token_reused"));
    throw new OAuthError("invalid_grant", "The refresh token was already used; the authorization is revoked.");
  }
  const asked = form.get("scope");
  const scopes = asked ? parseRequestedScopes(asked) : row.scopes;
  if (!sameOrNarrower(scopes, row.scopes))
    throw new OAuthError("invalid_scope", "A refresh cannot widen the granted scopes.");
  return prisma.$transaction(async (tx) => {
    if (!row.rotatedAt)
      await tx.oAuthToken.updateMany({ where: { id: row.id, rotatedAt: null }, data: { rotatedAt: new Date() } });
    // Access tokens of the rotated pair stay valid until they expire; only reuse kills the grant.
    return issueTokenPair(tx, { grantId: row.grantId, scopes, resource: row.resource });
  });
}
