import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findTicketOrThrow, MESSAGE_SELECT } from "@/lib/services/tickets/find-ticket";
import { TicketRefSchema } from "@/lib/validations/tickets";

const ACTIVITY_SELECT = {
  id: true,
  action: true,
  changes: true,
  via: true,
  credentialName: true,
  createdAt: true,
  actor: { select: { id: true, name: true } },
} satisfies Prisma.TicketActivitySelect;

type TimelineMessage = Prisma.MessageGetPayload<{ select: typeof MESSAGE_SELECT }>;
type TimelineActivity = Prisma.TicketActivityGetPayload<{ select: typeof ACTIVITY_SELECT }>;

export type TimelineEntry =
  | {
      type: "message";
      id: string;
      at: Date;
      message: TimelineMessage;
      /** The API key or token an MCP client wrote it with (from the history row the message made). */
      credentialName: string | null;
      /** The status the message moved the ticket to (a reply to an open ticket makes it pending). */
      status: { from: string; to: string } | null;
    }
  | { type: "activity"; id: string; at: Date; activity: TimelineActivity };

/** History rows that only say a message was written: the message itself stands for them. */
const MESSAGE_ACTIONS = new Set(["reply", "note", "customer_reply"]);

export type GetTicketTimelineOptions = {
  ticket: number | string;
  /** Newest messages and newest history rows to read, each (older ones are left out). */
  limit?: number;
};

/**
 * A ticket's conversation, oldest first: messages, internal notes and what people and tools did
 * to the ticket, in one list. A history row that only records a message is folded into that
 * message (its credential and status change shown on it), so nothing is said twice.
 */
export async function getTicketTimeline(ctx: ActorContext, options: GetTicketTimelineOptions) {
  const { ticket: number } = parseInput(TicketRefSchema, { ticket: options.ticket });
  const limit = options.limit ?? 300;
  const ticket = await findTicketOrThrow(prisma, ctx, number, { id: true });
  const where = { ...inWorkspace(ctx), ticketId: ticket.id };
  const [messages, activities] = await Promise.all([
    prisma.message.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: MESSAGE_SELECT,
    }),
    prisma.ticketActivity.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: ACTIVITY_SELECT,
    }),
  ]);
  return buildTimeline(messages, activities, limit);
}

type Ranked = TimelineEntry & { rank: number };

/** Merges the two newest-first lists into one oldest-first timeline. */
export function buildTimeline(messages: TimelineMessage[], activities: TimelineActivity[], limit: number) {
  const byMessage = new Map<string, TimelineActivity>();
  const lines: TimelineActivity[] = [];
  for (const a of activities) {
    const messageId = messageIdOf(a);
    if (MESSAGE_ACTIONS.has(a.action) && messageId) byMessage.set(messageId, a);
    else lines.push(a);
  }
  const entries: Ranked[] = [];
  for (const m of messages) {
    const made = byMessage.get(m.id);
    byMessage.delete(m.id);
    entries.push({
      type: "message",
      id: m.id,
      at: m.createdAt,
      message: m,
      credentialName: made?.credentialName ?? null,
      status: made ? statusChangeOf(made) : null,
      rank: 1,
    });
  }
  // A message row past the limit: its history row still says what happened.
  lines.push(...byMessage.values());
  for (const a of lines) {
    // Opening the ticket comes before its first message, written in the same change.
    entries.push({ type: "activity", id: a.id, at: a.createdAt, activity: a, rank: a.action === "create" ? 0 : 2 });
  }
  // Both lists reach back only so far: show the stretch of time both cover in full.
  const cutoffs = [messages, activities]
    .filter((list) => list.length >= limit)
    .map((list) => list[list.length - 1]!.createdAt.getTime());
  const since = cutoffs.length ? Math.max(...cutoffs) : -Infinity;
  const kept = entries
    .filter((e) => e.at.getTime() >= since)
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.rank - b.rank || a.id.localeCompare(b.id));
  return {
    entries: kept.map(({ rank: _rank, ...entry }) => entry as TimelineEntry),
    /** Older entries exist that the timeline leaves out. */
    truncated: cutoffs.length > 0,
  };
}

function changesOf(a: TimelineActivity): Record<string, unknown> {
  return a.changes && typeof a.changes === "object" && !Array.isArray(a.changes)
    ? (a.changes as Record<string, unknown>)
    : {};
}

function messageIdOf(a: TimelineActivity): string | null {
  const id = changesOf(a).message_id;
  return typeof id === "string" ? id : null;
}

function statusChangeOf(a: TimelineActivity): { from: string; to: string } | null {
  const status = changesOf(a).status as { from?: unknown; to?: unknown } | undefined;
  return status && typeof status.to === "string" && status.from !== status.to
    ? { from: String(status.from), to: status.to }
    : null;
}

export type TicketTimeline = Awaited<ReturnType<typeof getTicketTimeline>>;
