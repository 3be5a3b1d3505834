import { z } from "zod";
import { Via } from "@/lib/generated/prisma/enums";
import {
  blankToUndefined,
  CursorSchema,
  enumValues,
  IdSchema,
  LimitSchema,
  fromDigits,
} from "@/lib/validations/common";

export const SupportMetricsSchema = z.object({
  period_days: fromDigits(
    z
      .number({ error: "period_days must be a number of days" })
      .int("period_days must be a whole number")
      .min(1, "period_days must be at least 1")
      .max(365, "period_days is at most 365"),
  ).default(30),
  group_by: z.enum(["none", "team", "agent"], { error: "group_by must be none, team or agent" }).default("none"),
});
export type SupportMetricsInput = z.input<typeof SupportMetricsSchema>;

export const BacklogSchema = z.object({
  by: z
    .enum(["team", "assignee", "priority", "case_status"], {
      error: "by must be team, assignee, priority or case_status",
    })
    .default("team"),
});
export type BacklogInput = z.input<typeof BacklogSchema>;

export const AuditListSchema = z.object({
  action: z.preprocess(blankToUndefined, z.string().trim().max(80).optional()),
  outcome: z.preprocess(blankToUndefined, z.string().trim().max(40).optional()),
  credential_id: z.preprocess(blankToUndefined, IdSchema.optional()),
  user_id: z.preprocess(blankToUndefined, IdSchema.optional()),
  via: z.preprocess(blankToUndefined, z.enum(enumValues(Via)).optional()),
  limit: LimitSchema,
  cursor: CursorSchema,
});
export type AuditListInput = z.input<typeof AuditListSchema>;
