import { z } from "zod";
import { blankToUndefined, CursorSchema, IdSchema, LimitSchema, TicketNumberSchema } from "@/lib/validations/common";

/** list_email_threads: one ticket's mail (oldest first), or the workspace's recent mail (newest first). */
export const ListEmailThreadsSchema = z.strictObject({
  ticket: z.preprocess(blankToUndefined, TicketNumberSchema.optional()),
  limit: LimitSchema,
  cursor: CursorSchema,
});
export type ListEmailThreadsInput = z.input<typeof ListEmailThreadsSchema>;

export const GetEmailMessageSchema = z.strictObject({ id: IdSchema });
export type GetEmailMessageInput = z.input<typeof GetEmailMessageSchema>;

const optionalText = (field: string, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    z.string().trim().max(max, `${field} is at most ${max} characters`).nullable().optional(),
  );

/** update_email_channel and the /settings/email form: each field left out stays as it is; empty clears it. */
export const UpdateEmailChannelSchema = z.strictObject({
  enabled: z.boolean({ error: "enabled must be true or false" }).optional(),
  sender_name: optionalText("sender_name", 100).refine((v) => !v || !/[\r\n<>"]/.test(v), {
    message: "sender_name cannot hold line breaks, quotes or angle brackets",
  }),
  sender_address: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    z.email("sender_address must be an email address").trim().toLowerCase().max(254).nullable().optional(),
  ),
});
export type UpdateEmailChannelInput = z.input<typeof UpdateEmailChannelSchema>;

/** Marking a ticket as spam, or not. */
export const TicketSpamSchema = z.strictObject({
  ticket: TicketNumberSchema,
  spam: z.preprocess(
    (v) => (v === "true" ? true : v === "false" ? false : v),
    z.boolean({ error: "spam must be true or false" }),
  ),
});
export type TicketSpamInput = z.input<typeof TicketSpamSchema>;
