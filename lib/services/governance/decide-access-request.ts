import "server-only";
import { prisma } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { announceAccessChange } from "@/lib/credentials/auth-cache";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { createNotifications, mailNotifications } from "@/lib/services/notifications/create-notifications";
import { DecideAccessRequestSchema, type DecideAccessRequestInput } from "@/lib/validations/governance";

/**
 * An owner's answer to an access request. Approving a blocked client adds it to the allow-list (by
 * its metadata document URL, or by name for a registered client, which has no stable URL); approving
 * a member's request lets that member authorize that client. The requester is notified either way.
 */
export async function decideAccessRequest(ctx: ActorContext, input: DecideAccessRequestInput) {
  const { id, decision } = parseInput(DecideAccessRequestSchema, input);
  if (ctx.role !== "owner") throw new AppError("owner_required", "Only owners answer access requests.");
  const status = decision === "approve" ? "approved" : "denied";
  const { request, notificationIds } = await prisma.$transaction(async (tx) => {
    const request = await tx.mcpAccessRequest.findFirst({
      where: { id, ...inWorkspace(ctx) },
      select: {
        id: true,
        kind: true,
        status: true,
        requestedById: true,
        client: { select: { clientId: true, name: true, registrationType: true } },
      },
    });
    if (!request) throw notFound("Access request");
    const claimed = await tx.mcpAccessRequest.updateMany({
      where: { id, status: "pending" },
      data: { status, decidedById: ctx.userId, decidedAt: new Date() },
    });
    if (claimed.count === 0)
      throw new AppError(
        "conflict",
        `This request was already ${request.status === "pending" ? "answered" : request.status}.`,
      );
    if (status === "approved" && request.kind === "client") {
      const byUrl = request.client.registrationType === "cimd";
      const entry = byUrl
        ? { allowedClientUrls: [request.client.clientId] }
        : { allowedClientNames: [request.client.name] };
      const current = await tx.mcpGovernance.findUnique({
        where: { workspaceId: ctx.workspaceId },
        select: { allowedClientUrls: true, allowedClientNames: true },
      });
      const merged = byUrl
        ? { allowedClientUrls: [...new Set([...(current?.allowedClientUrls ?? []), request.client.clientId])] }
        : { allowedClientNames: [...new Set([...(current?.allowedClientNames ?? []), request.client.name])] };
      await tx.mcpGovernance.upsert({
        where: { workspaceId: ctx.workspaceId },
        create: { workspaceId: ctx.workspaceId, clientAllowListEnabled: true, ...entry },
        update: merged,
      });
    }
    const notificationIds = await createNotifications(tx, [
      {
        workspaceId: ctx.workspaceId,
        userId: request.requestedById,
        type: "access_request",
        ticketId: null,
        actorUserId: ctx.userId,
        title: `Your request for ${request.client.name} was ${status}`,
        body: status === "approved" ? "Connect the app again to authorize it." : null,
        eventId: `access-request:${request.id}:${status}`,
      },
    ]);
    return { request, notificationIds };
  });
  await mailNotifications(notificationIds);
  if (request.kind === "client") await announceAccessChange([ctx.workspaceId]);
  await recordAudit(ctx, {
    action: `mcp_access.${decision}`,
    details: { request_id: request.id, kind: request.kind, client: request.client.name },
  });
  return { id: request.id, status };
}
