import "server-only";
import type { ActorContext } from "@/lib/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { emitEvents, type EmitOptions } from "@/lib/events/emit";

export type ActivityOptions = {
  ticketId: string;
  action: string;
  changes: Prisma.InputJsonValue;
  /** Facts the history does not show but the change's events carry (ids rather than names). */
  eventData?: Prisma.InputJsonObject;
};

/**
 * Bookkeeping the app does on its own after a change (it is part of that change, not a new event), and
 * steps beside the conversation that change nothing about the ticket: a proposed or discarded draft, a
 * sent draft (its reply reports itself), a review.
 */
const NO_UPDATE_EVENT = new Set(["sla_policy", "draft_proposed", "draft_discarded", "draft_sent", "reviewed"]);
/** Actions that add a message to the conversation. */
const MESSAGE_ACTIONS: Record<string, { kind: "reply" | "note"; author_type: "agent" | "contact" }> = {
  create: { kind: "reply", author_type: "contact" },
  reply: { kind: "reply", author_type: "agent" },
  note: { kind: "note", author_type: "agent" },
  customer_reply: { kind: "reply", author_type: "contact" },
};

/** The events a ticket change reports: every change updates the ticket, and some say more. */
export function activityEvents(options: ActivityOptions): EmitOptions[] {
  const changes = (
    options.changes && typeof options.changes === "object" && !Array.isArray(options.changes) ? options.changes : {}
  ) as Prisma.InputJsonObject;
  const extra = options.eventData ?? {};
  const ticketId = options.ticketId;
  const events: EmitOptions[] = [];
  if (options.action === "create") events.push({ type: "ticket.created", ticketId, data: { ...changes, ...extra } });
  const message = MESSAGE_ACTIONS[options.action];
  const messageId = changes.message_id ?? extra.message_id;
  if (message && typeof messageId === "string") {
    // The message that opens a ticket says so: it is not a reply anyone is waiting to hear of.
    const opens = options.action === "create" ? { opens_ticket: true } : {};
    events.push({ type: "message.created", ticketId, data: { ...extra, message_id: messageId, ...message, ...opens } });
  }
  if (options.action === "csat_rated") events.push({ type: "csat.rated", ticketId, data: { ...changes, ...extra } });
  if (options.action === "sla_breach") events.push({ type: "sla.breached", ticketId, data: { ...changes, ...extra } });
  const status = changes.status as { from?: unknown; to?: unknown } | undefined;
  if (status && typeof status === "object" && status.from !== status.to) {
    events.push({
      type: "ticket.status_changed",
      ticketId,
      data: { from: status.from ?? null, to: status.to ?? null },
    });
  }
  if (options.action !== "create" && !NO_UPDATE_EVENT.has(options.action)) {
    events.push({ type: "ticket.updated", ticketId, data: { action: options.action, changes, ...extra } });
  }
  return events;
}

/**
 * Writes one TicketActivity row naming the actor, the channel and the credential, and the change's
 * events (ticket.created, ticket.updated, message.created, …) in the same transaction.
 */
export async function recordActivity(tx: Prisma.TransactionClient, ctx: ActorContext, options: ActivityOptions) {
  await tx.ticketActivity.create({
    data: {
      workspaceId: ctx.workspaceId,
      ticketId: options.ticketId,
      actorUserId: ctx.userId,
      via: ctx.via,
      credentialId: ctx.credential?.id ?? null,
      credentialName: ctx.credential?.name ?? null,
      action: options.action,
      changes: ctx.macro
        ? { ...(options.changes as Prisma.InputJsonObject), macro: { id: ctx.macro.id, name: ctx.macro.name } }
        : options.changes,
    },
  });
  await emitEvents(tx, ctx, activityEvents(options));
}
