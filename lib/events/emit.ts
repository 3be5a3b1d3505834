import "server-only";
import type { ActorContext } from "@/lib/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DomainEventType } from "@/lib/events/types";

export type EmitOptions = {
  type: DomainEventType;
  ticketId?: string | null;
  data: Prisma.InputJsonObject;
};

/**
 * Records events in the caller's transaction, so they exist exactly when the change commits; the
 * dispatcher hands them to their consumers afterwards. The actor and the automation chain come from
 * the context.
 */
export async function emitEvents(tx: Prisma.TransactionClient, ctx: ActorContext, events: EmitOptions[]) {
  const rows = events.map((event) => ({
    workspaceId: ctx.workspaceId,
    type: event.type,
    ticketId: event.ticketId ?? null,
    data: event.data,
    actorUserId: ctx.userId,
    via: ctx.via,
    chainRuleIds: ctx.chain?.ruleIds ?? [],
  }));
  // Prisma caches the plan of a one-row insert; a multi-row one is compiled on every call.
  if (rows.length === 1) await tx.domainEvent.create({ data: rows[0]!, select: { id: true } });
  else if (rows.length > 1) await tx.domainEvent.createMany({ data: rows });
}

export function emitEvent(tx: Prisma.TransactionClient, ctx: ActorContext, event: EmitOptions) {
  return emitEvents(tx, ctx, [event]);
}
