import { z } from "zod";
import type { Via } from "@/lib/generated/prisma/enums";
import type { JobKind } from "@/lib/jobs/kind";

/** Everything the workspace reports to its consumers (webhooks, automations, notifications, mail). */
export const DOMAIN_EVENT_TYPES = [
  "ticket.created",
  "ticket.updated",
  "ticket.status_changed",
  "message.created",
  "contact.created",
  "csat.rated",
  "sla.breached",
  "sla.due_soon",
] as const;

export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

/** The automation rules whose actions led to an event, oldest first; `depth` is their number. */
export type EventChain = { depth: number; ruleIds: string[] };

export type DomainEvent = {
  id: string;
  workspaceId: string;
  type: DomainEventType;
  ticketId: string | null;
  data: Record<string, unknown>;
  actorUserId: string | null;
  via: Via;
  chain: EventChain;
  createdAt: Date;
};

/** What the dispatcher knows of an event when it picks the consumers that want it. */
export type ClaimedEvent = Pick<DomainEvent, "id" | "workspaceId" | "type" | "data" | "actorUserId">;

/** The payload of every consumer's job: the event it is to handle. */
export const EventJobPayload = z.strictObject({ eventId: z.string().min(1).max(64) });
export type EventJobPayload = z.infer<typeof EventJobPayload>;

/** A job kind that handles events: the dispatcher enqueues one of its jobs per event it accepts. */
export type EventConsumer = JobKind<typeof EventJobPayload> & {
  /** The event types it handles; all when absent. */
  accepts?: readonly DomainEventType[];
  /**
   * Of a batch of accepted events, the ones this consumer has work for (one query per batch at most),
   * so a workspace without webhooks or rules gets no job that would find nothing to do. All when absent.
   */
  wants?: (events: ClaimedEvent[]) => ClaimedEvent[] | Promise<ClaimedEvent[]>;
};
