import { z } from "zod";
import { blankToUndefined, fromDigits, IdSchema, TicketNumberSchema } from "@/lib/validations/common";
import { LastSeenMessageSchema } from "@/lib/validations/mcp-safety";
import { TicketStatusSchema } from "@/lib/validations/tickets";

/** The colours a sub-status may wear (Tailwind palette names; the badge maps each to fixed classes). */
export const CASE_STATUS_COLORS = [
  "slate",
  "red",
  "orange",
  "amber",
  "yellow",
  "lime",
  "green",
  "teal",
  "sky",
  "blue",
  "indigo",
  "violet",
  "pink",
] as const;
export type CaseStatusColor = (typeof CASE_STATUS_COLORS)[number];

export const CaseStatusColorSchema = z.enum(CASE_STATUS_COLORS, {
  error: `color must be one of ${CASE_STATUS_COLORS.join(", ")}`,
});

const NameSchema = z
  .string({ error: "name is required" })
  .trim()
  .min(1, "name cannot be empty")
  .max(60, "name is at most 60 characters");

const PositionSchema = fromDigits(
  z
    .number({ error: "position must be a number" })
    .int("position must be a whole number")
    .min(0, "position must be 0 or more")
    .max(10_000, "position must be at most 10,000"),
);

const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankToUndefined, schema.optional());

export const CreateCaseStatusSchema = z.strictObject({
  name: NameSchema,
  base_status: TicketStatusSchema,
  color: z.preprocess(blankToUndefined, CaseStatusColorSchema.default("slate")),
  /** Omitted: after the last sub-status. */
  position: optional(PositionSchema),
});
export type CreateCaseStatusInput = z.input<typeof CreateCaseStatusSchema>;

export const UpdateCaseStatusSchema = z
  .strictObject({
    case_status: IdSchema,
    name: optional(NameSchema),
    /** Refused while tickets carry the sub-status: their status would silently change. */
    base_status: optional(TicketStatusSchema),
    color: optional(CaseStatusColorSchema),
    position: optional(PositionSchema),
  })
  .refine(
    (v) => v.name !== undefined || v.base_status !== undefined || v.color !== undefined || v.position !== undefined,
    {
      message: "give a name, base_status, color or position to change",
      path: ["name"],
    },
  );
export type UpdateCaseStatusInput = z.input<typeof UpdateCaseStatusSchema>;

export const CaseStatusRefSchema = z.strictObject({ case_status: IdSchema });
export type CaseStatusRefInput = z.input<typeof CaseStatusRefSchema>;

/**
 * A ticket's status change: a base status, a sub-status (which brings its base status), or both
 * when they agree. case_status null clears the sub-status and keeps the base status.
 */
export const SetTicketStatusSchema = z
  .strictObject({
    ticket: TicketNumberSchema,
    status: optional(TicketStatusSchema),
    case_status: z.preprocess((v) => (v === "" || v === "none" ? null : v), IdSchema.nullable().optional()),
    last_seen_message_id: LastSeenMessageSchema,
  })
  .refine((v) => v.status !== undefined || v.case_status !== undefined, {
    message: "give a status, a case_status, or both",
    path: ["status"],
  });
export type SetTicketStatusInput = z.input<typeof SetTicketStatusSchema>;

const DaysSchema = (field: string) =>
  z.preprocess(
    (v) => (v === "" ? null : v),
    fromDigits(
      z
        .number({ error: `${field} must be a number of days or null` })
        .int(`${field} must be a whole number of days`)
        .min(0, `${field} must be 0 or more`)
        .max(3650, `${field} must be at most 3650 days`)
        .nullable(),
    ),
  );

export const UpdateCaseWorkflowSchema = z
  .strictObject({
    /** Days after closing within which a closed ticket may reopen; later a follow-up opens. null: always; 0: never. */
    reopen_window_days: DaysSchema("reopen_window_days").optional(),
    /** Days without a reply after which a resolved ticket closes by itself; null turns auto-close off. */
    auto_close_days: DaysSchema("auto_close_days")
      .refine((v) => v !== 0, "auto_close_days must be at least 1 (or null for off)")
      .optional(),
  })
  .refine((v) => v.reopen_window_days !== undefined || v.auto_close_days !== undefined, {
    message: "give reopen_window_days, auto_close_days, or both",
    path: ["reopen_window_days"],
  });
export type UpdateCaseWorkflowInput = z.input<typeof UpdateCaseWorkflowSchema>;
