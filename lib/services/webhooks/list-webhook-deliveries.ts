import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { findWebhookOrThrow, requireWebhookAdmin } from "@/lib/services/webhooks/shared";
import { CursorId, CursorTime, decodeCursor, encodeCursor, type Page } from "@/lib/validations/common";
import { ListWebhookDeliveriesSchema, type ListWebhookDeliveriesInput } from "@/lib/validations/webhooks";

const CursorShape = z.strictObject({ c: CursorTime, i: CursorId });

export type WebhookDeliveryJson = {
  id: string;
  event_id: string;
  event_type: string;
  attempt: number;
  success: boolean;
  response_status: number | null;
  response_body: string | null;
  duration_ms: number;
  error: string | null;
  created_at: string;
  request: { headers: Record<string, string>; body: string };
};

/** An endpoint's delivery attempts, newest first. */
export async function listWebhookDeliveries(
  ctx: ActorContext,
  input: ListWebhookDeliveriesInput,
): Promise<Page<WebhookDeliveryJson>> {
  const data = parseInput(ListWebhookDeliveriesSchema, input);
  requireWebhookAdmin(ctx, "see webhook deliveries");
  const endpoint = await findWebhookOrThrow(prisma, ctx, data.webhook);
  const cursor = decodeCursor(data.cursor, CursorShape);
  const rows = await prisma.webhookDelivery.findMany({
    where: {
      ...inWorkspace(ctx),
      endpointId: endpoint.id,
      ...(cursor
        ? {
            OR: [{ createdAt: { lt: new Date(cursor.c) } }, { createdAt: new Date(cursor.c), id: { lt: cursor.i } }],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: data.limit + 1,
  });
  const hasMore = rows.length > data.limit;
  const page = rows.slice(0, data.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      event_id: row.eventId,
      event_type: row.eventType,
      attempt: row.attempt,
      success: row.success,
      response_status: row.responseStatus,
      response_body: row.responseBody,
      duration_ms: row.durationMs,
      error: row.error,
      created_at: row.createdAt.toISOString(),
      request: { headers: row.requestHeaders as Record<string, string>, body: row.requestBody },
    })),
    next_cursor: hasMore && last ? encodeCursor({ c: last.createdAt.toISOString(), i: last.id }) : null,
    has_more: hasMore,
  };
}
