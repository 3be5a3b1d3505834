import { z } from "zod";
import { Channel, TicketPriority, TicketStatus } from "@/lib/generated/prisma/enums";
import {
  blankToUndefined,
  enumValues,
  CursorSchema,
  IdSchema,
  isoDate,
  LimitSchema,
  TicketNumberSchema,
} from "@/lib/validations/common";
import { LastSeenMessageSchema } from "@/lib/validations/mcp-safety";

export const TICKET_STATUSES = enumValues(TicketStatus);
export const TICKET_PRIORITIES = enumValues(TicketPriority);
export const CHANNELS = enumValues(Channel);

export const TicketStatusSchema = z.enum(TICKET_STATUSES, {
  error: `status must be one of ${TICKET_STATUSES.join(", ")}`,
});
export const TicketPrioritySchema = z.enum(TICKET_PRIORITIES, {
  error: `priority must be one of ${TICKET_PRIORITIES.join(", ")}`,
});
/** SLA filters of the ticket list: a target missed while the ticket is worked, or one due within the hour. */
export const SLA_FILTERS = ["breached", "due_1h"] as const;
export const SlaFilterSchema = z.enum(SLA_FILTERS, {
  error: 'sla must be "breached" or "due_1h" (due within 1 hour)',
});

export const TICKET_SORTS = ["updated", "created", "priority", "relevance"] as const;
export const TicketSortSchema = z.enum(TICKET_SORTS, { error: `sort must be one of ${TICKET_SORTS.join(", ")}` });

export const ChannelSchema = z.enum(CHANNELS, { error: `channel must be one of ${CHANNELS.join(", ")}` });

const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankToUndefined, schema.optional());

/** Filters for the ticket list, the search box and the search_tickets tool. */
export const TicketListSchema = z.object({
  q: optional(z.string().trim().max(200, "search text is at most 200 characters")),
  status: optional(TicketStatusSchema),
  /** A case status (sub-status) id from list_case_statuses. */
  case_status: optional(IdSchema),
  priority: optional(TicketPrioritySchema),
  /** "me", "unassigned" or an agent's user id. */
  assignee: optional(z.string().trim().max(64)),
  /** A team id, or "none". */
  team: optional(z.string().trim().max(64)),
  /** A tag name. */
  tag: optional(z.string().trim().max(64)),
  contact: optional(IdSchema),
  /** breached: an SLA target was missed and the ticket is still worked; due_1h: a target falls due within the hour. */
  sla: optional(SlaFilterSchema),
  created_after: optional(isoDate("created_after")),
  created_before: optional(isoDate("created_before")),
  /** Mail the receiving server judged spam is left out unless asked for: only (the Spam view) or include. */
  spam: optional(z.enum(["only", "include"], { error: "spam must be only or include" })),
  /** updated (default): latest activity first; created: newest first; priority: urgent first; relevance: best match first. */
  sort: z.preprocess(blankToUndefined, TicketSortSchema.default("updated")),
  /** Whether internal notes are matched and shown in snippets; contact-facing callers pass false. */
  include_notes: z.boolean({ error: "include_notes must be true or false" }).default(true),
  limit: LimitSchema,
  cursor: CursorSchema,
});
export type TicketListInput = z.input<typeof TicketListSchema>;
export type TicketListFilters = z.output<typeof TicketListSchema>;

const BodySchema = z
  .string()
  .trim()
  .min(1, "message cannot be empty")
  .max(50_000, "message is at most 50,000 characters");

export const TicketRefSchema = z.object({ ticket: TicketNumberSchema });

export const ReplySchema = TicketRefSchema.extend({ body: BodySchema, last_seen_message_id: LastSeenMessageSchema });
export type ReplyInput = z.input<typeof ReplySchema>;

/** The composer's "Send and set pending / resolved": a reply, then the status, as one change. */
export const ReplyAndSetStatusSchema = ReplySchema.extend({ status: TicketStatusSchema });
export type ReplyAndSetStatusInput = z.input<typeof ReplyAndSetStatusSchema>;

export const NoteSchema = TicketRefSchema.extend({ body: BodySchema });
export type NoteInput = z.input<typeof NoteSchema>;

export const AssignSchema = TicketRefSchema.extend({
  /** A user id, "me", or null / "" / "unassigned" to unassign. */
  assignee: z.preprocess(
    (v) => (v === "" || v === "unassigned" ? null : v),
    z.string().trim().min(1).max(64).nullable(),
  ),
});
export type AssignInput = z.input<typeof AssignSchema>;

export const TransferSchema = TicketRefSchema.extend({
  team: IdSchema,
  note: z.preprocess(blankToUndefined, z.string().trim().max(5_000, "note is at most 5,000 characters").optional()),
});
export type TransferInput = z.input<typeof TransferSchema>;

export const TagNamesSchema = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .min(1, "tag cannot be empty")
      .max(40, "Tag names are at most 40 characters.")
      .regex(/^[\p{L}\p{N}][\p{L}\p{N} _.-]*$/u, {
        error: (issue) =>
          `Tag names are letters, numbers, spaces, dots, dashes and underscores, starting with a letter or number: “${String(issue.input)}” is not.`,
      }),
  )
  .min(1, "give at least one tag")
  .max(20, "at most 20 tags at once");

export const TagsSchema = TicketRefSchema.extend({ tags: TagNamesSchema });
export type TagsInput = z.input<typeof TagsSchema>;

export const UpdateTicketSchema = TicketRefSchema.extend({
  subject: z.preprocess(
    blankToUndefined,
    z.string().trim().min(1).max(300, "subject is at most 300 characters").optional(),
  ),
  priority: optional(TicketPrioritySchema),
  /** Stale-edit guard: the ticket's updated_at as last read; a newer change makes this a conflict. */
  expected_updated_at: optional(isoDate("expected_updated_at")),
  last_seen_message_id: LastSeenMessageSchema,
}).refine((v) => v.subject !== undefined || v.priority !== undefined, {
  message: "give a subject or a priority to change",
  path: ["subject"],
});
export type UpdateTicketInput = z.input<typeof UpdateTicketSchema>;

export const StatusChangeSchema = TicketRefSchema;

/** resolve_ticket and reopen_ticket: the ticket, and the newest message the caller read. */
export const StatusToolSchema = TicketRefSchema.extend({ last_seen_message_id: LastSeenMessageSchema });
export type StatusToolInput = z.input<typeof StatusToolSchema>;

export const CreateTicketSchema = z.object({
  subject: z.string().trim().min(1, "subject is required").max(300, "subject is at most 300 characters"),
  body: BodySchema,
  contact_email: z.email("contact_email must be an email address").trim().toLowerCase(),
  contact_name: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
  priority: TicketPrioritySchema.default("normal"),
  channel: ChannelSchema.default("api"),
  team: z.preprocess(blankToUndefined, IdSchema.optional()),
  tags: TagNamesSchema.optional(),
});
export type CreateTicketInput = z.input<typeof CreateTicketSchema>;

export const ListTicketMessagesSchema = z.object({
  ticket: TicketNumberSchema,
  include_notes: z.boolean({ error: "include_notes must be true or false" }).default(true),
  limit: LimitSchema,
  cursor: CursorSchema,
});
export type ListTicketMessagesInput = z.input<typeof ListTicketMessagesSchema>;

export const GetMessageSchema = z.object({
  message_id: IdSchema,
  offset: z.coerce.number().int().min(0, "offset must be 0 or more").default(0),
});
export type GetMessageInput = z.input<typeof GetMessageSchema>;
