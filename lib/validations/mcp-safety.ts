import { z } from "zod";
import { blankToUndefined, IdSchema, switchSchema, TicketNumberSchema } from "@/lib/validations/common";

/**
 * The collision guard every ticket write through MCP may carry: the newest message the model read.
 * One field, shared by reply_to_ticket, update_ticket and the status tools; a later message makes the
 * write a conflict. (No description in the schema: the name says it, and the default tool list stays
 * within its token budget.)
 */
export const LastSeenMessageSchema = z.preprocess(
  blankToUndefined,
  z.string().max(64, "last_seen_message_id is a message id").optional(),
);

/** Workspace switches for MCP clients (owners change them on Settings → API Access). */
export const McpSafetySettingsSchema = z
  .object({
    replies_as_drafts: switchSchema("replies_as_drafts").optional(),
    lockdown: switchSchema("lockdown").optional(),
  })
  .refine((v) => v.replies_as_drafts !== undefined || v.lockdown !== undefined, {
    message: "give replies_as_drafts or lockdown",
    path: ["replies_as_drafts"],
  });
export type McpSafetySettingsInput = z.input<typeof McpSafetySettingsSchema>;

/** A key or an OAuth consent whose replies are drafts even when the workspace's are not. */
export const DraftsOnlySchema = z.preprocess(blankToUndefined, switchSchema("drafts_only").optional());

export const TicketDraftsSchema = z.object({ ticket: TicketNumberSchema });
export type TicketDraftsInput = z.input<typeof TicketDraftsSchema>;

/** Send a proposed draft (optionally edited first) or discard it. */
export const DraftRefSchema = z.object({ ticket: TicketNumberSchema, draft_id: IdSchema });
export type DraftRefInput = z.input<typeof DraftRefSchema>;

export const SendDraftSchema = DraftRefSchema.extend({
  /** The agent's edit of the draft; left out, the draft is sent as proposed. */
  body: z.preprocess(
    blankToUndefined,
    z.string().trim().max(50_000, "message is at most 50,000 characters").optional(),
  ),
});
export type SendDraftInput = z.input<typeof SendDraftSchema>;
