import "server-only";
import { prisma } from "@/lib/db";
import { hashToken, parseToken } from "@/lib/credentials/token-format";
import { announceAccessChange } from "@/lib/credentials/auth-cache";
import type { OAuthClientRecord } from "@/lib/oauth/clients";
import { OAuthError } from "@/lib/oauth/errors";
import { parseRequestedScopes, sameOrNarrower } from "@/lib/oauth/scopes";
import { canEncrypt, decryptSecret, encryptSecret } from "@/lib/credentials/encryption";
import {
  issueAccessToken,
  issueTokenPair,
  REFRESH_GRACE_MS,
  revokeGrant,
  tokenResponse,
  type TokenResponse,
} from "@/lib/oauth/tokens";

/**
 * grant_type=refresh_token with rotation. Of parallel refreshes of one token,
 * exactly one rotates it; the others, within a short grace window, get a fresh
 * access token and the same successor refresh token (held encrypted for the
 * window only), so one connection stays one chain. Presented after the window,
 * the token is treated as stolen and the whole grant dies.
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
      grant: { select: { clientId: true, revokedAt: true, scopes: true, workspaceId: true } },
    },
  });
  if (!row || row.kind !== "refresh") throw new OAuthError("invalid_grant", "The refresh token is invalid.");
  if (row.grant.clientId !== client.id)
    throw new OAuthError("invalid_grant", "The refresh token was issued to another client.");
  if (row.grant.revokedAt || row.revokedAt) throw new OAuthError("invalid_grant", "The authorization was revoked.");
  if (row.expiresAt <= new Date()) throw new OAuthError("invalid_grant", "The refresh token has expired.");
  if (row.rotatedAt && Date.now() - row.rotatedAt.getTime() > REFRESH_GRACE_MS)
    await refuseReuse(row.grantId, row.grant.workspaceId);
  const asked = form.get("scope");
  const scopes = asked ? parseRequestedScopes(asked) : row.scopes;
  if (!sameOrNarrower(scopes, row.scopes))
    throw new OAuthError("invalid_scope", "A refresh cannot widen the granted scopes.");
  const options = { grantId: row.grantId, scopes, resource: row.resource };
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    // The conditional update takes the row lock: a parallel refresh waits here, then finds it rotated.
    const claimed = await tx.oAuthToken.updateMany({
      where: { id: row.id, rotatedAt: null },
      data: { rotatedAt: now },
    });
    if (claimed.count === 1) {
      const { refreshId, ...pair } = await issueTokenPair(tx, options);
      await tx.oAuthToken.update({
        where: { id: row.id },
        data: { successorId: refreshId, successorSecret: canEncrypt() ? encryptSecret(pair.refresh_token) : null },
      });
      // Successors are held for the grace window only.
      await tx.oAuthToken.updateMany({
        where: { rotatedAt: { lt: new Date(now.getTime() - REFRESH_GRACE_MS) }, successorSecret: { not: null } },
        data: { successorSecret: null },
      });
      return pair;
    }
    const rotated = await tx.oAuthToken.findUniqueOrThrow({
      where: { id: row.id },
      select: { rotatedAt: true, successorSecret: true },
    });
    const successor = rotated.successorSecret ? decryptSecret(rotated.successorSecret) : null;
    if (!rotated.rotatedAt || Date.now() - rotated.rotatedAt.getTime() > REFRESH_GRACE_MS || !successor) {
      throw new OAuthError("invalid_grant", "The refresh token was already used; use the newest one.");
    }
    const access = await issueAccessToken(tx, options);
    return tokenResponse(access, successor, scopes);
  });
}

async function refuseReuse(grantId: string, workspaceId: string): Promise<never> {
  await prisma.$transaction((tx) => revokeGrant(tx, grantId, "refresh_token_reused"));
  await announceAccessChange([workspaceId]);
  throw new OAuthError("invalid_grant", "The refresh token was already used; the authorization is revoked.");
}
