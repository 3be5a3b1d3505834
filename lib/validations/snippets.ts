import { z } from "zod";
import { blankToUndefined, IdSchema, TicketNumberSchema } from "@/lib/validations/common";
import { templateSchema } from "@/lib/validations/macros";

export const SnippetShortcutSchema = z
  .string({ error: "shortcut is required" })
  .trim()
  .toLowerCase()
  .min(1, "shortcut is required")
  .max(40, "shortcut is at most 40 characters")
  .regex(/^[a-z0-9][a-z0-9-]*$/, "shortcut is lowercase letters, digits and dashes, like refund-policy");

const NameSchema = z
  .string({ error: "name is required" })
  .trim()
  .min(1, "name is required")
  .max(80, "name is at most 80 characters");

/** Create a snippet: personal unless shared is true (admins share with the workspace). */
export const CreateSnippetSchema = z.object({
  shortcut: SnippetShortcutSchema,
  name: NameSchema,
  body: templateSchema("body", 5_000),
  shared: z.boolean({ error: "shared must be true or false" }).default(false),
});
export type CreateSnippetInput = z.input<typeof CreateSnippetSchema>;

/** A snippet by id or by shortcut. */
export const SnippetRefSchema = z.object({ snippet: IdSchema });

export const UpdateSnippetSchema = SnippetRefSchema.extend({
  shortcut: SnippetShortcutSchema.optional(),
  name: NameSchema.optional(),
  body: templateSchema("body", 5_000).optional(),
  shared: z.boolean({ error: "shared must be true or false" }).optional(),
});
export type UpdateSnippetInput = z.input<typeof UpdateSnippetSchema>;

export const ListSnippetsSchema = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(80, "q is at most 80 characters").optional()),
});
export type ListSnippetsInput = z.input<typeof ListSnippetsSchema>;

/** Read one snippet; with a ticket, also its text rendered for that ticket. */
export const GetSnippetSchema = SnippetRefSchema.extend({
  ticket: z.preprocess(blankToUndefined, TicketNumberSchema.optional()),
});
export type GetSnippetInput = z.input<typeof GetSnippetSchema>;
