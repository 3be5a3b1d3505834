import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ActorContext } from "@/lib/context";
import type { OAuthClientRecord } from "@/lib/oauth/clients/record";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { authorizationStanding } from "@/lib/services/governance/authorization-standing";
import { createNotifications, mailNotifications } from "@/lib/services/notifications/create-notifications";

export type RequestMcpAccessOptions = {
  /** The workspace the person tried to authorize the client in, by slug. */
  workspaceSlug: string;
  client: OAuthClientRecord;
};

/**
 * Asks the workspace's owners for access the consent page refused: a client the allow-list blocks, or
 * (under owners-only consent) the member's own authorization. Every active owner is notified; a
 * request still pending is not asked again.
 */
export async function requestMcpAccess(userId: string, options: RequestMcpAccessOptions) {
  const membership = await prisma.membership.findFirst({
    where: { userId, deactivatedAt: null, workspace: { slug: options.workspaceSlug } },
    select: {
      role: true,
      user: { select: { name: true } },
      workspace: { select: { id: true, name: true, oauthAuthorizePolicy: true } },
    },
  });
  if (!membership) throw new AppError("forbidden", "You are not a member of that workspace.");
  const { workspace } = membership;
  const standing = await authorizationStanding({ workspace, userId, role: membership.role, client: options.client });
  if (standing.ok)
    throw new AppError("conflict", `You may already authorize ${options.client.name} in ${workspace.name}.`);
  if (standing.reason === "oauth_disabled") throw new AppError("forbidden", standing.message);
  const kind = standing.reason === "client_blocked" ? "client" : "consent";
  const ctx: ActorContext = { workspaceId: workspace.id, userId, role: membership.role, via: "web" };
  const { request, created, notificationIds } = await prisma.$transaction(async (tx) => {
    const pending = await tx.mcpAccessRequest.findFirst({
      where: { workspaceId: workspace.id, requestedById: userId, clientId: options.client.id, kind, status: "pending" },
      select: { id: true, kind: true },
    });
    if (pending) return { request: pending, created: false, notificationIds: [] as string[] };
    const row = await tx.mcpAccessRequest.create({
      data: { workspaceId: workspace.id, kind, clientId: options.client.id, requestedById: userId },
      select: { id: true, kind: true },
    });
    const owners = await tx.membership.findMany({
      where: { workspaceId: workspace.id, role: "owner", deactivatedAt: null },
      select: { userId: true },
    });
    const title =
      kind === "client"
        ? `${membership.user.name} asks to allow the app ${options.client.name}`
        : `${membership.user.name} asks to connect ${options.client.name}`;
    const ids = await createNotifications(
      tx,
      owners.map((owner) => ({
        workspaceId: workspace.id,
        userId: owner.userId,
        type: "access_request" as const,
        ticketId: null,
        actorUserId: userId,
        title,
        body: "Approve or deny it in Settings → MCP governance.",
        eventId: `access-request:${row.id}`,
      })),
    );
    return { request: row, created: true, notificationIds: ids };
  });
  await mailNotifications(notificationIds);
  if (created)
    await recordAudit(ctx, {
      action: "mcp_access.request",
      details: { request_id: request.id, kind, client: options.client.name, client_id: options.client.clientId },
    });
  return { id: request.id, kind: request.kind, workspace: workspace.name, created };
}
