import { z } from "zod";
import type { Via } from "@/lib/generated/prisma/enums";

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
