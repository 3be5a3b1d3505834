import "server-only";
import { prisma } from "@/lib/db";
import { hashToken, parseToken } from "@/lib/credentials/token-format";
import { announceAccessChange } from "@/lib/credentials/auth-cache";
import type { OAuthClientRecord } from "@/lib/oauth/clients";
import { canonicalResource } from "@/lib/oauth/authorize";
import { OAuthError } from "@/lib/oauth/errors";
import { verifyPkce } from "@/lib/oauth/pkce";
import { redirectUriMatches } from "@/lib/oauth/redirect-uri";
import { issueTokenPair, revokeGrant, type TokenResponse } from "@/lib/oauth/tokens";

/** grant_type=authorization_code: single use, one minute, PKCE S256, exact redirect. A replay revokes what the code issued. */
export async function exchangeAuthorizationCode(
  client: OAuthClientRecord,
  form: URLSearchParams,
): Promise<TokenResponse> {
  const code = form.get("code");
  const verifier = form.get("code_verifier");
  const redirectUri = form.get("redirect_uri");
  if (!code) throw new OAuthError("invalid_request", "code is required.");
  if (!verifier) throw new OAuthError("invalid_request", "code_verifier is required (PKCE).");
  if (parseToken(code) !== "oauth_code") throw new OAuthError("invalid_grant", "The authorization code is invalid.");
  const row = await prisma.oAuthAuthorizationCode.findUnique({
    where: { codeHash: hashToken(code) },
    select: {
      id: true,
      grantId: true,
      clientId: true,
      redirectUri: true,
      codeChallenge: true,
      scopes: true,
      resource: true,
      expiresAt: true,
      usedAt: true,
      grant: { select: { revokedAt: true, workspaceId: true } },
    },
  });
  if (!row) throw new OAuthError("invalid_grant", "The authorization code is invalid.");
  if (row.clientId !== client.id)
    throw new OAuthError("invalid_grant", "The authorization code was issued to another client.");
  if (row.usedAt) {
    await prisma.$transaction((tx) => revokeGrant(tx, row.grantId, "code_replayed"));
    await announceAccessChange([row.grant.workspaceId]);
    throw new OAuthError("invalid_grant", "The authorization code was already used; the tokens it issued are revoked.");
  }
  if (row.expiresAt <= new Date()) throw new OAuthError("invalid_grant", "The authorization code has expired.");
  if (row.grant.revokedAt) throw new OAuthError("invalid_grant", "The authorization was revoked.");
  if (!redirectUri || !redirectUriMatches([row.redirectUri], redirectUri) || redirectUri !== row.redirectUri) {
    throw new OAuthError("invalid_grant", "redirect_uri does not match the authorization request.");
  }
  if (!verifyPkce(verifier, row.codeChallenge))
    throw new OAuthError("invalid_grant", "The code_verifier does not match the code_challenge.");
  const resource = form.get("resource");
  if (resource !== null && canonicalResource(resource) !== row.resource)
    throw new OAuthError("invalid_target", "resource does not match the authorization.");

  return prisma.$transaction(async (tx) => {
    // Claim the code atomically: of two racing exchanges only one wins.
    const claimed = await tx.oAuthAuthorizationCode.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (claimed.count === 0) throw new OAuthError("invalid_grant", "The authorization code was already used.");
    const { refreshId: _, ...pair } = await issueTokenPair(tx, {
      grantId: row.grantId,
      scopes: row.scopes,
      resource: row.resource,
    });
    return pair;
  });
}
