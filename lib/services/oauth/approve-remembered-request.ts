import "server-only";
import type { ActorContext } from "@/lib/context";
import { approveAuthorization } from "@/lib/oauth/approve";
import type { PendingAuthorization } from "@/lib/oauth/authorize";
import type { OAuthClientRecord } from "@/lib/oauth/clients/record";
import { rememberedConsent } from "@/lib/oauth/remembered-consent";

export type ApproveRememberedRequestOptions = { pending: PendingAuthorization; client: OAuthClientRecord };

/**
 * Skips the consent page when the user already approved this client in the
 * actor's workspace for at least the scopes asked now, and may still
 * authorize there: the code is issued on the connection's live grant. Returns
 * the redirect to the client, or null when consent must be asked.
 */
export async function approveRememberedRequest(
  ctx: ActorContext,
  options: ApproveRememberedRequestOptions,
): Promise<string | null> {
  if (!ctx.userId || !ctx.role) return null;
  const remembered = await rememberedConsent({
    pending: options.pending,
    client: options.client,
    userId: ctx.userId,
    workspaceId: ctx.workspaceId,
    role: ctx.role,
  });
  if (!remembered) return null;
  return approveAuthorization({
    pending: options.pending,
    client: options.client,
    userId: ctx.userId,
    workspaceId: ctx.workspaceId,
    scopes: options.pending.scopes,
    toolsets: remembered.toolsets,
    draftsOnly: remembered.draftsOnly,
    confirmDestructive: remembered.confirmDestructive,
    remember: false,
    reuseGrant: true,
  });
}
