import "server-only";
import { parseToken } from "@/lib/credentials/token-format";
import { announceAccessChange } from "@/lib/credentials/auth-cache";
import type { OAuthClientRecord } from "@/lib/oauth/clients/record";
import { canonicalResource } from "@/lib/oauth/authorize";
import { OAuthError } from "@/lib/oauth/errors";
import { verifyPkce } from "@/lib/oauth/pkce";
import { redirectUriMatches } from "@/lib/oauth/redirect-uri";
import { claimCode, findCode, inTransaction, issueTokenPair, revokeGrant } from "@/lib/oauth/store";
import type { TokenResponse } from "@/lib/oauth/tokens";
import type { AuthorizationCodeGrantInput } from "@/lib/validations/oauth";

/** grant_type=authorization_code: single use, one minute, PKCE S256, exact redirect. A replay revokes what the code issued. */
export async function exchangeAuthorizationCode(
  client: OAuthClientRecord,
  input: AuthorizationCodeGrantInput,
): Promise<TokenResponse> {
  if (parseToken(input.code) !== "oauth_code")
    throw new OAuthError("invalid_grant", "The authorization code is invalid.");
  const row = await findCode(input.code);
  if (!row) throw new OAuthError("invalid_grant", "The authorization code is invalid.");
  if (row.clientId !== client.id)
    throw new OAuthError("invalid_grant", "The authorization code was issued to another client.");
  if (row.usedAt) {
    await inTransaction((tx) => revokeGrant(tx, row.grantId, "code_replayed"));
    await announceAccessChange([row.grant.workspaceId]);
    throw new OAuthError("invalid_grant", "The authorization code was already used; the tokens it issued are revoked.");
  }
  if (row.expiresAt <= new Date()) throw new OAuthError("invalid_grant", "The authorization code has expired.");
  if (row.grant.revokedAt) throw new OAuthError("invalid_grant", "The authorization was revoked.");
  const redirectUri = input.redirect_uri;
  if (!redirectUri || !redirectUriMatches([row.redirectUri], redirectUri) || redirectUri !== row.redirectUri) {
    throw new OAuthError("invalid_grant", "redirect_uri does not match the authorization request.");
  }
  if (!verifyPkce(input.code_verifier, row.codeChallenge))
    throw new OAuthError("invalid_grant", "The code_verifier does not match the code_challenge.");
  if (input.resource !== undefined && canonicalResource(input.resource) !== row.resource)
    throw new OAuthError("invalid_target", "resource does not match the authorization.");

  return inTransaction(async (tx) => {
    // Of two racing exchanges only one claims the code.
    if (!(await claimCode(tx, row.id)))
      throw new OAuthError("invalid_grant", "The authorization code was already used.");
    const { refreshId: _, ...pair } = await issueTokenPair(tx, {
      grantId: row.grantId,
      scopes: row.scopes,
      resource: row.resource,
    });
    return pair;
  });
}
