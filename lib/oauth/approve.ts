import "server-only";
import { normalizeScopes } from "@/lib/auth/scopes";
import { normalizeToolsets } from "@/lib/auth/toolsets";
import type { ActorContext } from "@/lib/context";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { successRedirect, type PendingAuthorization } from "@/lib/oauth/authorize";
import { markClientUsed, type OAuthClientRecord } from "@/lib/oauth/clients/record";
import { findReusableGrant, inTransaction, issueCode, openGrant, rememberConsent } from "@/lib/oauth/store";

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
  /** The toolsets the connection is limited to; empty or absent: every toolset. */
  toolsets?: readonly string[];
  /** Replies through the connection are drafts an agent sends. */
  draftsOnly?: boolean;
  /** Destructive actions through the connection ask for confirmation, whatever the workspace asks. */
  confirmDestructive?: boolean;
  remember: boolean;
  /** Remembered consent: issue the code on the live grant instead of opening another. */
  reuseGrant?: boolean;
}): Promise<string> {
  const scopes = normalizeScopes(options.scopes);
  const toolsets = normalizeToolsets(options.toolsets ?? []);
  const flags = { draftsOnly: options.draftsOnly, confirmDestructive: options.confirmDestructive };
  const key = { userId: options.userId, clientId: options.client.id, workspaceId: options.workspaceId };
  const grantKey = { ...key, resource: options.pending.resource };
  const approved = await inTransaction(async (tx) => {
    if (options.remember) await rememberConsent(tx, key, scopes, toolsets, flags);
    // Remembered consent reuses the connection's live grant; an approval on the consent page opens one.
    const reusable = options.reuseGrant ? await findReusableGrant(tx, grantKey, scopes, toolsets, flags) : null;
    const grant = reusable ?? (await openGrant(tx, grantKey, scopes, toolsets, flags));
    const code = await issueCode(tx, {
      grantId: grant.id,
      clientId: options.client.id,
      redirectUri: options.pending.redirect_uri,
      codeChallenge: options.pending.code_challenge,
      requestId: options.pending.id ?? null,
      scopes,
      resource: options.pending.resource,
    });
    // The request was approved before (a replayed form): undo this attempt, mint nothing.
    if (!code) throw new RequestAlreadyApproved();
    await markClientUsed(tx, options.client.id);
    return { code, reused: Boolean(reusable) };
  });
  const actor: ActorContext = { workspaceId: options.workspaceId, userId: options.userId, role: null, via: "web" };
  await recordAudit(actor, {
    action: "oauth_app.authorize",
    details: {
      client: options.client.name,
      client_id: options.client.clientId,
      scopes,
      ...(toolsets.length ? { toolsets } : {}),
      ...(options.draftsOnly ? { drafts_only: true } : {}),
      ...(options.confirmDestructive ? { confirm_destructive: true } : {}),
      reused_grant: approved.reused,
    },
  });
  return successRedirect(options.pending.redirect_uri, approved.code, options.pending.state);
}

/** A consent request that was already approved, submitted again. */
export class RequestAlreadyApproved extends Error {
  constructor() {
    super("This authorization request was already approved.");
    this.name = "RequestAlreadyApproved";
  }
}
