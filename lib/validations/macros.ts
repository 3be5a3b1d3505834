import { z } from "zod";
import { unknownPlaceholderMessage, unknownPlaceholders } from "@/lib/templates/placeholders";
import { blankToUndefined, IdSchema, TicketNumberSchema } from "@/lib/validations/common";
import { TagNamesSchema, TicketPrioritySchema, TicketStatusSchema } from "@/lib/validations/tickets";

/** Template text for macros and snippets: only known placeholders, named in the error otherwise. */
export function templateSchema(field: string, max: number) {
  return z
    .string({ error: `${field} must be text` })
    .trim()
    .min(1, `${field} cannot be empty`)
    .max(max, `${field} is at most ${max.toLocaleString("en-US")} characters`)
    .superRefine((text, issue) => {
      const unknown = unknownPlaceholders(text);
      if (unknown.length) issue.addIssue({ code: "custom", message: unknownPlaceholderMessage(unknown) });
    });
}

export const MACRO_MESSAGE_KINDS = ["reply", "note"] as const;

const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankToUndefined, schema.optional());

/**
 * What a macro does, applied in this order: team, assignee, priority, tags added, tags removed,
 * the reply or note, then status (last, so it wins over a reply's move from open to pending).
 */
export const MacroActionsSchema = z
  .strictObject({
    /** A public reply or an internal note, written from a template. */
    message: z
      .strictObject({
        kind: z.enum(MACRO_MESSAGE_KINDS, { error: "kind must be reply or note" }),
        body: templateSchema("body", 20_000),
      })
      .optional(),
    status: optional(TicketStatusSchema),
    priority: optional(TicketPrioritySchema),
    /** A team id (list_teams). */
    team: optional(IdSchema),
    /** An agent's user id (list_agents), "me" for whoever applies the macro, or "unassigned". */
    assignee: optional(z.string().trim().min(1).max(64)),
    add_tags: TagNamesSchema.optional(),
    remove_tags: TagNamesSchema.optional(),
  })
  .refine((a) => Object.values(a).some((v) => v !== undefined), {
    message: "give the macro at least one action",
  });
export type MacroActions = z.output<typeof MacroActionsSchema>;

const NameSchema = z
  .string({ error: "name is required" })
  .trim()
  .min(1, "name is required")
  .max(80, "name is at most 80 characters");
const DescriptionSchema = z.preprocess(
  blankToUndefined,
  z.string().trim().max(300, "description is at most 300 characters").optional(),
);
const SharedSchema = z.boolean({ error: "shared must be true or false" });

/** Create a macro: personal (only you see it) unless shared is true (admins share with the workspace). */
export const CreateMacroSchema = z.object({
  name: NameSchema,
  description: DescriptionSchema,
  shared: SharedSchema.default(false),
  actions: MacroActionsSchema,
});
export type CreateMacroInput = z.input<typeof CreateMacroSchema>;

export const MacroRefSchema = z.object({ macro: IdSchema });

/** Change a macro: the fields given replace the old ones (actions as a whole). */
export const UpdateMacroSchema = MacroRefSchema.extend({
  name: NameSchema.optional(),
  description: z.preprocess((v) => (v === "" ? null : v), z.string().trim().max(300).nullable().optional()),
  shared: SharedSchema.optional(),
  actions: MacroActionsSchema.optional(),
});
export type UpdateMacroInput = z.input<typeof UpdateMacroSchema>;

export const ListMacrosSchema = z.object({
  q: optional(z.string().trim().max(80, "q is at most 80 characters")),
});
export type ListMacrosInput = z.input<typeof ListMacrosSchema>;

export const ApplyMacroSchema = MacroRefSchema.extend({ ticket: TicketNumberSchema });
export type ApplyMacroInput = z.input<typeof ApplyMacroSchema>;
