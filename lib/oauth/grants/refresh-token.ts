import "server-only";
import { parseToken } from "@/lib/credentials/token-format";
import { announceAccessChange } from "@/lib/credentials/auth-cache";
import type { OAuthClientRecord } from "@/lib/oauth/clients/record";
import { OAuthError } from "@/lib/oauth/errors";
import { parseRequestedScopes, sameOrNarrower } from "@/lib/oauth/scopes";
import {
  claimRefreshToken,
  findToken,
  inTransaction,
  issueAccessToken,
  issueTokenPair,
  readRotation,
  recordSuccessor,
  revokeGrant,
} from "@/lib/oauth/store";
import { REFRESH_GRACE_MS, tokenResponse, type TokenResponse } from "@/lib/oauth/tokens";
import type { RefreshTokenGrantInput } from "@/lib/validations/oauth";

/**
 * grant_type=refresh_token with rotation. Of parallel refreshes of one token,
 * exactly one rotates it; the others, within a short grace window, get a fresh
 * access token and the same successor refresh token (held encrypted for the
 * window only), so one connection stays one chain. Presented after the window,
 * the token is treated as stolen and the whole grant dies.
 */
export async function exchangeRefreshToken(
  client: OAuthClientRecord,
  input: RefreshTokenGrantInput,
): Promise<TokenResponse> {
  if (parseToken(input.refresh_token) !== "oauth_refresh")
    throw new OAuthError("invalid_grant", "The refresh token is invalid.");
  const row = await findToken(input.refresh_token);
  if (!row || row.kind !== "refresh") throw new OAuthError("invalid_grant", "The refresh token is invalid.");
  if (row.grant.clientId !== client.id)
    throw new OAuthError("invalid_grant", "The refresh token was issued to another client.");
  if (row.grant.revokedAt || row.revokedAt) throw new OAuthError("invalid_grant", "The authorization was revoked.");
  if (row.expiresAt <= new Date()) throw new OAuthError("invalid_grant", "The refresh token has expired.");
  if (row.rotatedAt && Date.now() - row.rotatedAt.getTime() > REFRESH_GRACE_MS)
    await refuseReuse(row.grantId, row.grant.workspaceId);
  const scopes = input.scope ? parseRequestedScopes(input.scope) : row.scopes;
  if (!sameOrNarrower(scopes, row.scopes))
    throw new OAuthError("invalid_scope", "A refresh cannot widen the granted scopes.");
  const options = { grantId: row.grantId, scopes, resource: row.resource };
  return inTransaction(async (tx) => {
    const now = new Date();
    if (await claimRefreshToken(tx, row.id, now)) {
      const { refreshId, ...pair } = await issueTokenPair(tx, options);
      await recordSuccessor(tx, row.id, { id: refreshId, secret: pair.refresh_token }, now);
      return pair;
    }
    const rotation = await readRotation(tx, row.id);
    if (!rotation.rotatedAt || Date.now() - rotation.rotatedAt.getTime() > REFRESH_GRACE_MS || !rotation.successor) {
      throw new OAuthError("invalid_grant", "The refresh token was already used; use the newest one.");
    }
    const access = await issueAccessToken(tx, options);
    return tokenResponse(access, rotation.successor, scopes);
  });
}

async function refuseReuse(grantId: string, workspaceId: string): Promise<never> {
  await inTransaction((tx) => revokeGrant(tx, grantId, "refresh_token_reused"));
  await announceAccessChange([workspaceId]);
  throw new OAuthError("invalid_grant", "The refresh token was already used; the authorization is revoked.");
}
