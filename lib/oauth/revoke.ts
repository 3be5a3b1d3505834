import "server-only";
import { parseToken } from "@/lib/credentials/token-format";
import { announceAccessChange } from "@/lib/credentials/auth-cache";
import type { OAuthClientRecord } from "@/lib/oauth/clients/record";
import { findToken, inTransaction, revokeGrant, revokeToken } from "@/lib/oauth/store";

/**
 * RFC 7009. Revoking a refresh token ends the whole grant (its access tokens
 * too); revoking an access token ends that token. Unknown tokens, and tokens of
 * other clients, are ignored (the endpoint answers 200 either way).
 */
export async function revokeOAuthToken(client: OAuthClientRecord, token: string): Promise<void> {
  const kind = parseToken(token);
  if (kind !== "oauth_access" && kind !== "oauth_refresh") return;
  const row = await findToken(token);
  if (!row || row.grant.clientId !== client.id) return;
  if (row.kind === "refresh") await inTransaction((tx) => revokeGrant(tx, row.grantId, "revoked_by_client"));
  else await revokeToken(row.id);
  await announceAccessChange([row.grant.workspaceId]);
}
