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
 * (or reuses the live one, for remembered consent) and returns the redirect
 * carrying a one-minute, single-use code. A consent request is approved once:
 * its id is unique among codes, so a replayed form mints nothing.
 */
export async function approveAuthorization(options: {
  pending: PendingAuthorization;
  client: OAuthClientRecord;
  userId: string;
  workspaceId: string;
  scopes: string[];
  remember: boolean;
  /** Remembered consent: issue the code on the live grant instead of opening another. */
  reuseGrant?: boolean;
}): Promise<string> {
  const scopes = normalizeScopes(options.scopes);
  const code = generateToken("oauth_code");
  const approved = await prisma.$transaction(async (tx) => {
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
    // Remembered consent reuses the connection's live grant; an approval on the consent page opens one.
    const reusable = options.reuseGrant
      ? await tx.oAuthGrant.findFirst({
          where: {
            workspaceId: options.workspaceId,
            userId: options.userId,
            clientId: options.client.id,
            resource: options.pending.resource,
            revokedAt: null,
            scopes: { hasEvery: scopes },
          },
          orderBy: { createdAt: "desc" },
          select: { id: true },
        })
      : null;
    const grant =
      reusable ??
      (await tx.oAuthGrant.create({
        data: {
          workspaceId: options.workspaceId,
          userId: options.userId,
          clientId: options.client.id,
          scopes,
          resource: options.pending.resource,
        },
        select: { id: true },
      }));
    const created = await tx.oAuthAuthorizationCode.createMany({
      data: {
        codeHash: hashToken(code),
        grantId: grant.id,
        clientId: options.client.id,
        redirectUri: options.pending.redirect_uri,
        codeChallenge: options.pending.code_challenge,
        requestId: options.pending.id ?? null,
        scopes,
        resource: options.pending.resource,
        expiresAt: new Date(Date.now() + CODE_TTL_MS),
      },
      skipDuplicates: true,
    });
    // The request was approved before (a replayed form): undo this attempt, mint nothing.
    if (created.count === 0) throw new RequestAlreadyApproved();
    // A client that was used is no longer a candidate for expiry.
    await tx.oAuthClient.update({
      where: { id: options.client.id },
      data: { expiresAt: null, lastUsedAt: new Date() },
    });
    return { reused: Boolean(reusable) };
  });
  await recordAudit(
    { workspaceId: options.workspaceId, userId: options.userId, role: null, via: "web" },
    {
      action: "oauth_app.authorize",
      details: {
        client: options.client.name,
        client_id: options.client.clientId,
        scopes,
        reused_grant: approved.reused,
      },
    },
  );
  return successRedirect(options.pending.redirect_uri, code, options.pending.state);
}

/** A consent request that was already approved, submitted again. */
export class RequestAlreadyApproved extends Error {
  constructor() {
    super("This authorization request was already approved.");
    this.name = "RequestAlreadyApproved";
  }
}
