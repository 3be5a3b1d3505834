import "server-only";
import { prisma } from "@/lib/db";
import { hashToken, parseToken } from "@/lib/credentials/token-format";
import { announceAccessChange } from "@/lib/credentials/auth-cache";
import type { OAuthClientRecord } from "@/lib/oauth/clients";
import { revokeGrant } from "@/lib/oauth/tokens";

/**
 * RFC 7009. Revoking a refresh token ends the whole grant (its access tokens
 * too); revoking an access token ends that token. Unknown tokens, and tokens of
 * other clients, are ignored (the endpoint answers 200 either way).
 */
export async function revokeOAuthToken(client: OAuthClientRecord, token: string): Promise<void> {
  const kind = parseToken(token);
  if (kind !== "oauth_access" && kind !== "oauth_refresh") return;
  const row = await prisma.oAuthToken.findUnique({
    where: { secretHash: hashToken(token) },
    select: { id: true, kind: true, grantId: true, grant: { select: { clientId: true, workspaceId: true } } },
  });
  if (!row || row.grant.clientId !== client.id) return;
  if (row.kind === "refresh") {
    await prisma.$transaction((tx) => revokeGrant(tx, row.grantId, "revoked_by_client"));
  } else {
    await prisma.oAuthToken.updateMany({ where: { id: row.id, revokedAt: null }, data: { revokedAt: new Date() } });
  }
  await announceAccessChange([row.grant.workspaceId]);
}
