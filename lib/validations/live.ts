import { z } from "zod";
import { TicketNumberSchema } from "@/lib/validations/common";

/** What an agent is doing on a ticket page: looking at it, or writing in its composer. */
export const PRESENCE_STATES = ["viewing", "replying"] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

/** The ticket page's heartbeat: the ticket, and whether the composer has text or focus. */
export const PresenceHeartbeatSchema = z.object({
  ticket: TicketNumberSchema,
  state: z.enum(PRESENCE_STATES, { error: `state must be one of ${PRESENCE_STATES.join(", ")}` }),
});
export type PresenceHeartbeatInput = z.input<typeof PresenceHeartbeatSchema>;

export const PresenceLeaveSchema = z.object({ ticket: TicketNumberSchema });
export type PresenceLeaveInput = z.input<typeof PresenceLeaveSchema>;

/** Most rows one list poll asks about (a page of the ticket list is at most 100). */
export const LIVE_LIST_MAX = 100;

/** The ticket list's poll: the numbers of the rows on screen, comma-separated in the address. */
export const LiveListSchema = z.object({
  tickets: z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(",")
            .map((part) => part.trim())
            .filter(Boolean)
        : v === undefined || v === null
          ? []
          : v,
    z
      .array(TicketNumberSchema, { error: "tickets must be ticket numbers separated by commas" })
      .max(LIVE_LIST_MAX, `tickets lists at most ${LIVE_LIST_MAX} numbers`),
  ),
});
export type LiveListInput = z.input<typeof LiveListSchema>;
