import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { requireWebhookAdmin, WEBHOOK_SELECT, webhookJson } from "@/lib/services/webhooks/shared";

/** The workspace's endpoints, oldest first, each with its latest delivery attempt. */
export async function listWebhooks(ctx: ActorContext) {
  requireWebhookAdmin(ctx, "see webhooks");
  const rows = await prisma.webhookEndpoint.findMany({
    where: inWorkspace(ctx),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      ...WEBHOOK_SELECT,
      deliveries: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { success: true, responseStatus: true, createdAt: true },
      },
    },
  });
  const now = new Date();
  return rows.map((row) => {
    const last = row.deliveries[0];
    return {
      ...webhookJson(row, now),
      last_delivery: last
        ? { success: last.success, response_status: last.responseStatus, at: last.createdAt.toISOString() }
        : null,
    };
  });
}
export type WebhookListItem = Awaited<ReturnType<typeof listWebhooks>>[number];
