import { z } from "zod";
import { blankToUndefined, IdSchema, TicketNumberSchema } from "@/lib/validations/common";
import {
  AssignSchema,
  TagNamesSchema,
  TicketListSchema,
  TicketPrioritySchema,
  TicketStatusSchema,
} from "@/lib/validations/tickets";

/** A view saves the ticket list's own filters and sort: the same fields, read by the same schema. */
export const ViewFiltersSchema = TicketListSchema.pick({
  q: true,
  status: true,
  priority: true,
  assignee: true,
  team: true,
  tag: true,
  contact: true,
  sla: true,
  created_after: true,
  created_before: true,
  sort: true,
}).strict();
export type ViewFiltersInput = z.input<typeof ViewFiltersSchema>;
export type ViewFilters = z.output<typeof ViewFiltersSchema>;

export const VIEW_VISIBILITIES = ["personal", "shared"] as const;
export const ViewVisibilitySchema = z.enum(VIEW_VISIBILITIES, {
  error: "visibility must be personal (only you) or shared (the workspace)",
});

const ViewNameSchema = z
  .string({ error: "name is required" })
  .trim()
  .min(1, "name is required")
  .max(60, "name is at most 60 characters");

export const ListViewsSchema = z.object({});

export const CreateViewSchema = z.object({
  name: ViewNameSchema,
  /** personal: only you see it; shared: everyone in the workspace. */
  visibility: z.preprocess(blankToUndefined, ViewVisibilitySchema.default("personal")),
  filters: ViewFiltersSchema.default({ sort: "updated" }),
});
export type CreateViewInput = z.input<typeof CreateViewSchema>;

export const ViewRefSchema = z.object({ view_id: IdSchema });

export const UpdateViewSchema = ViewRefSchema.extend({
  name: ViewNameSchema.optional(),
  /** Replaces the view's filters and sort as a whole. */
  filters: ViewFiltersSchema.optional(),
}).refine((v) => v.name !== undefined || v.filters !== undefined, {
  message: "give a name or filters to change",
  path: ["name"],
});
export type UpdateViewInput = z.input<typeof UpdateViewSchema>;

export const BULK_MAX = 100;

/** A comma-separated line from a form, or a list from JSON. */
const tagList = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v.trim()
        ? v
            .split(",")
            .map((t) => t.trim())
            .filter(Boolean)
        : undefined
      : v,
  TagNamesSchema.optional(),
);

/** One change set applied to every ticket of a bulk update; absent fields stay as they are. */
export const BulkChangesSchema = z
  .object({
    status: z.preprocess(blankToUndefined, TicketStatusSchema.optional()),
    priority: z.preprocess(blankToUndefined, TicketPrioritySchema.optional()),
    /** An agent id, "me", or null / "unassigned" to unassign. */
    assignee: AssignSchema.shape.assignee.optional(),
    /** A team id to transfer to. */
    team: z.preprocess(blankToUndefined, IdSchema.optional()),
    add_tags: tagList,
    remove_tags: tagList,
  })
  .strict()
  .refine((c) => Object.values(c).some((v) => v !== undefined), {
    message: "give at least one change: status, priority, assignee, team, add_tags or remove_tags",
    path: ["status"],
  });
export type BulkChanges = z.output<typeof BulkChangesSchema>;

export const BulkUpdateSchema = z.object({
  tickets: z
    .array(TicketNumberSchema, { error: "tickets must be a list of ticket numbers" })
    .min(1, "give at least one ticket")
    .max(BULK_MAX, `at most ${BULK_MAX} tickets at once`)
    .refine((list) => new Set(list).size === list.length, "each ticket may be named once"),
  changes: BulkChangesSchema,
});
export type BulkUpdateInput = z.input<typeof BulkUpdateSchema>;
