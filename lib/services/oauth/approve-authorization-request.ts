import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { approveAuthorization, RequestAlreadyApproved } from "@/lib/oauth/approve";
import type { PendingAuthorization } from "@/lib/oauth/authorize";
import { authorizationStanding } from "@/lib/services/governance/authorization-standing";
import type { OAuthClientRecord } from "@/lib/oauth/clients/record";
import { ToolsetLimitSchema } from "@/lib/validations/credentials";
import { DraftsOnlySchema } from "@/lib/validations/mcp-safety";

export type ApproveAuthorizationRequestOptions = {
  pending: PendingAuthorization;
  client: OAuthClientRecord;
  /** The workspace picked on the consent form, by slug; any of the user's workspaces, not only the active one. */
  workspaceSlug: string;
  /** The scopes left ticked; only those the request asked for count. */
  scopes: readonly string[];
  /** The toolsets ticked to limit the connection to; none: every toolset. */
  toolsets?: readonly string[];
  /** The consent's "replies are drafts" box, as the form sends it. */
  draftsOnly?: unknown;
  /** Ticked: destructive actions through the connection ask for confirmation. */
  confirmDestructive?: boolean;
};

/** Where the person goes next: back to the client with a code, or a page saying why not. */
export type ApprovalOutcome =
  { kind: "redirect"; location: string } | { kind: "refused"; status: number; title: string; message: string };

const refused = (status: number, title: string, message: string): ApprovalOutcome => ({
  kind: "refused",
  status,
  title,
  message,
});

/**
 * Approves a consent form: the user must be an active member of the workspace
 * they picked, and allowed there (OAuth on, the client on its allow-list, "who may authorize apps"
 * or an owner's approval); then the
 * consent is remembered and a code issued. A form is approved once.
 */
export async function approveAuthorizationRequest(
  ctx: ActorContext,
  options: ApproveAuthorizationRequestOptions,
): Promise<ApprovalOutcome> {
  if (!ctx.userId) return refused(403, "Not a member", "You are not a member of that workspace.");
  // The picked workspace may differ from the session's active one, so the membership is read by the user.
  const membership = await prisma.membership.findFirst({
    where: { userId: ctx.userId, deactivatedAt: null, workspace: { slug: options.workspaceSlug } },
    select: { role: true, workspace: { select: { id: true, name: true, oauthAuthorizePolicy: true } } },
  });
  if (!membership) return refused(403, "Not a member", "You are not a member of that workspace.");
  const { workspace } = membership;
  const standing = await authorizationStanding({
    workspace,
    userId: ctx.userId,
    role: membership.role,
    client: options.client,
  });
  if (!standing.ok) return refused(403, "Not allowed", standing.message);
  const chosen = new Set(options.scopes);
  const scopes = options.pending.scopes.filter((scope) => chosen.has(scope));
  if (scopes.length === 0)
    return refused(400, "No access chosen", "Tick at least one permission, or deny the request.");
  const toolsets = ToolsetLimitSchema.safeParse(options.toolsets ?? []);
  if (!toolsets.success)
    return refused(400, "Unknown toolset", toolsets.error.issues.map((issue) => issue.message).join("; "));
  const draftsOnly = DraftsOnlySchema.safeParse(options.draftsOnly);
  if (!draftsOnly.success)
    return refused(400, "Invalid choice", draftsOnly.error.issues.map((issue) => issue.message).join("; "));
  try {
    const location = await approveAuthorization({
      pending: options.pending,
      client: options.client,
      userId: ctx.userId,
      workspaceId: workspace.id,
      scopes,
      toolsets: toolsets.data,
      draftsOnly: draftsOnly.data ?? false,
      confirmDestructive: options.confirmDestructive ?? false,
      remember: true,
    });
    return { kind: "redirect", location };
  } catch (error) {
    if (!(error instanceof RequestAlreadyApproved)) throw error;
    return refused(
      409,
      "Already approved",
      "This request was approved already, and a request is approved once. Start the connection again from your app.",
    );
  }
}
