import { z } from "zod";
import { Via } from "@/lib/generated/prisma/enums";
import {
  blankToUndefined,
  CursorSchema,
  enumValues,
  IdSchema,
  LimitSchema,
  fromDigits,
  isoDate,
} from "@/lib/validations/common";

/** The longest period an analytics question may cover. */
export const MAX_PERIOD_DAYS = 366;
const DAY_MS = 86_400_000;

/** A date alone as the end of a period means the end of that day (the next midnight, UTC). */
function endOfDay(value: unknown) {
  if (typeof value !== "string" || !/^\s*\d{4}-\d{2}-\d{2}\s*$/.test(value)) return value;
  const day = new Date(`${value.trim()}T00:00:00Z`);
  return Number.isNaN(day.getTime()) ? value : new Date(day.getTime() + DAY_MS).toISOString();
}

/**
 * The period every analytics question takes: the last period_days (30 when nothing is given), or
 * from/to. The page, its CSV export and the analytics tools read it alike.
 */
export const PERIOD_FIELDS = {
  period_days: fromDigits(
    z
      .number({ error: "period_days must be a number of days" })
      .int("period_days must be a whole number")
      .min(1, "period_days must be at least 1")
      .max(365, "period_days is at most 365"),
  )
    .optional()
    .describe("The last N days (default 30); or give from (and to)."),
  from: isoDate("from").optional().describe("Start of the period (instead of period_days)."),
  to: z
    .preprocess(endOfDay, isoDate("to"))
    .optional()
    .describe("End of the period (default: now); a date alone means the end of that day."),
};

type PeriodValues = { period_days?: number; from?: Date; to?: Date };

/** The rules a period's fields follow together; each refusal names its field. */
function checkPeriod(value: PeriodValues, ctx: z.RefinementCtx) {
  if (value.period_days !== undefined && value.from) {
    ctx.addIssue({ code: "custom", path: ["period_days"], message: "give period_days or from, not both" });
  }
  if (value.from && value.to && value.from > value.to) {
    ctx.addIssue({ code: "custom", path: ["from"], message: "from must be before to" });
  } else if (value.from && (value.to ?? new Date()).getTime() - value.from.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
    ctx.addIssue({ code: "custom", path: ["from"], message: `the period is at most ${MAX_PERIOD_DAYS} days` });
  }
}

/** A schema with the period's fields and rules, plus the fields of one question. */
export function withPeriod<T extends z.ZodRawShape>(shape: T) {
  return z.object({ ...PERIOD_FIELDS, ...shape }).superRefine((value, ctx) => checkPeriod(value as PeriodValues, ctx));
}

export type Period = { from: Date; to: Date };

/** The period's start and end: from/to as given, else the period_days (30) up to `to` or now. */
export function resolvePeriod(value: PeriodValues, now = new Date()): Period {
  const to = value.to ?? now;
  const from = value.from ?? new Date(to.getTime() - (value.period_days ?? 30) * DAY_MS);
  return { from, to };
}

/** The UTC days a period touches, as YYYY-MM-DD, oldest first. */
export function daysOf({ from, to }: Period): string[] {
  const days: string[] = [];
  const last = new Date(Math.max(from.getTime(), to.getTime() - 1)).toISOString().slice(0, 10);
  for (let t = Date.parse(from.toISOString().slice(0, 10)); ; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.push(day);
    if (day >= last) break;
  }
  return days;
}

export const SupportMetricsSchema = withPeriod({
  group_by: z
    .enum(["none", "team", "agent", "day"], { error: "group_by must be none, team, agent or day" })
    .default("none"),
});
export type SupportMetricsInput = z.input<typeof SupportMetricsSchema>;

/** The analytics page's sections; its CSV export writes one table after another for each. */
export const ANALYTICS_SECTIONS = ["metrics", "backlog", "mcp_usage"] as const;
export type AnalyticsSection = (typeof ANALYTICS_SECTIONS)[number];

/** The analytics page and its CSV export: a period, and optionally which sections (default: all one may see). */
export const AnalyticsReportSchema = withPeriod({
  sections: z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z
      .array(z.enum(ANALYTICS_SECTIONS, { error: `sections are ${ANALYTICS_SECTIONS.join(", ")}` }))
      .min(1, "sections names at least one section")
      .optional(),
  ),
});
export type AnalyticsReportInput = z.input<typeof AnalyticsReportSchema>;

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
