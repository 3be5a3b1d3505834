import "server-only";
import { prisma } from "@/lib/db";
import { normalizeScopes } from "@/lib/auth/scopes";
import { generateToken, hashToken } from "@/lib/credentials/token-format";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { successRedirect, type PendingAuthorization } from "@/lib/oauth/authorize";
import type { OAuthClientRecord } from "@/lib/oauth/clients";
import { CODE_TTL_MS } from "@/lib/oauth/tokens";

/**
 * Records consent (remembered per user × client × workspace), opens a grant
 * and returns the redirect carrying a one-minute, single-use code.
 */
export async function approveAuthorization(options: {
  pending: PendingAuthorization;
  client: OAuthClientRecord;
  userId: string;
  workspaceId: string;
  scopes: string[];
  remember: boolean;
}): Promise<string> {
  const scopes = normalizeScopes(options.scopes);
  const code = generateToken("oauth_code");
  await prisma.$transaction(async (tx) => {
    if (options.remember) {
      await tx.oAuthConsent.upsert({
        where: {
          userId_clientId_workspaceId: {
            userId: options.userId,
            clientId: options.client.id,
            workspaceId: options.workspaceId,
          },
        },
        create: { userId: options.userId, clientId: options.client.id, workspaceId: options.workspaceId, scopes },
        update: { scopes },
      });
    }
    const grant = await tx.oAuthGrant.create({
      data: {
        workspaceId: options.workspaceId,
        userId: options.userId,
        clientId: options.client.id,
        scopes,
        resource: options.pending.resource,
      },
      select: { id: true },
    });
    await tx.oAuthAuthorizationCode.create({
      data: {
        codeHash: hashToken(code),
        grantId: grant.id,
        clientId: options.client.id,
        redirectUri: options.pending.redirect_uri,
        codeChallenge: options.pending.code_challenge,
        scopes,
        resource: options.pending.resource,
        expiresAt: new Date(Date.now() + CODE_TTL_MS),
      },
    });
    // A client that was used is no longer a candidate for expiry.
    await tx.oAuthClient.update({
      where: { id: options.client.id },
      data: { expiresAt: null, lastUsedAt: new Date() },
    });
  });
  await recordAudit(
    { workspaceId: options.workspaceId, userId: options.userId, role: null, via: "web" },
    {
      action: "oauth_app.authorize",
      details: { client: options.client.name, client_id: options.client.clientId, scopes },
    },
  );
  return successRedirect(options.pending.redirect_uri, code, options.pending.state);
}
