import "server-only";
import type { ActorContext } from "@/lib/context";
import { insertRows } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DomainEventType } from "@/lib/events/types";

export type EmitOptions = {
  type: DomainEventType;
  ticketId?: string | null;
  data: Prisma.InputJsonObject;
};

const EVENT_COLUMNS = {
  workspaceId: "text",
  type: "text",
  ticketId: "text",
  data: "jsonb",
  actorUserId: "text",
  via: '"public"."Via"',
  chainRuleIds: "text[]",
  createdAt: "timestamp(3)",
} as const;

/**
 * Records events in the caller's transaction, so they exist exactly when the change commits; the
 * dispatcher hands them to their consumers afterwards. The actor and the automation chain come from
 * the context.
 */
export async function emitEvents(tx: Prisma.TransactionClient, ctx: ActorContext, events: EmitOptions[]) {
  const createdAt = new Date();
  const rows = events.map((event) => ({
    workspaceId: ctx.workspaceId,
    type: event.type,
    ticketId: event.ticketId ?? null,
    data: event.data,
    actorUserId: ctx.userId,
    via: ctx.via,
    chainRuleIds: ctx.chain?.ruleIds ?? [],
    createdAt,
  }));
  await insertRows(tx, "DomainEvent", EVENT_COLUMNS, rows);
}

export function emitEvent(tx: Prisma.TransactionClient, ctx: ActorContext, event: EmitOptions) {
  return emitEvents(tx, ctx, [event]);
}
