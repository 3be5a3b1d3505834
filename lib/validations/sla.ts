import { z } from "zod";
import { isTimeZone, parseClock, WEEKDAYS } from "@/lib/services/sla/business-hours";
import { blankToUndefined, fromDigits, IdSchema } from "@/lib/validations/common";
import { TICKET_PRIORITIES, TagNamesSchema } from "@/lib/validations/tickets";

/** A target is at most a year of (business) minutes. */
const MAX_MINUTES = 525_600;

const minutes = (field: string) =>
  fromDigits(
    z
      .number({ error: `${field} must be a number of minutes` })
      .int(`${field} must be a whole number of minutes`)
      .min(1, `${field} must be at least 1 minute`)
      .max(MAX_MINUTES, `${field} is at most ${MAX_MINUTES} minutes (a year)`),
  );

export const SlaTargetSchema = z
  .strictObject({
    first_response_minutes: z.preprocess(blankToUndefined, minutes("first_response_minutes").nullable().optional()),
    resolution_minutes: z.preprocess(blankToUndefined, minutes("resolution_minutes").nullable().optional()),
  })
  .transform((t) => ({
    first_response_minutes: t.first_response_minutes ?? null,
    resolution_minutes: t.resolution_minutes ?? null,
  }))
  .refine((t) => t.first_response_minutes !== null || t.resolution_minutes !== null, {
    message: "give first_response_minutes, resolution_minutes or both",
  });

/** Targets per priority; a priority left out has no SLA under this policy. */
export const SlaTargetsSchema = z
  .strictObject(
    Object.fromEntries(TICKET_PRIORITIES.map((p) => [p, SlaTargetSchema.optional()])) as Record<
      (typeof TICKET_PRIORITIES)[number],
      z.ZodOptional<typeof SlaTargetSchema>
    >,
    { error: `targets must be an object keyed by priority (${TICKET_PRIORITIES.join(", ")})` },
  )
  .refine((t) => Object.values(t).some((v) => v !== undefined), {
    message: `give a target for at least one priority (${TICKET_PRIORITIES.join(", ")})`,
  });
export type SlaTargetsInput = z.input<typeof SlaTargetsSchema>;

const NameSchema = z
  .string({ error: "name is required" })
  .trim()
  .min(1, "name cannot be empty")
  .max(80, "name is at most 80 characters");

const PositionSchema = fromDigits(
  z
    .number({ error: "position must be a number" })
    .int("position must be a whole number")
    .min(0, "position must be 0 or more")
    .max(10_000, "position must be at most 10,000"),
);

/** A tag name as tickets carry it (lower case), or null for every ticket. */
const TagSchema = z.preprocess((v) => (v === "" ? null : v), TagNamesSchema.element.nullable());
const TeamSchema = z.preprocess((v) => (v === "" ? null : v), IdSchema.nullable());

export const CreateSlaPolicySchema = z.strictObject({
  name: NameSchema,
  /** Only tickets of this team (a team id), or null / left out for every team. */
  team: TeamSchema.optional(),
  /** Only tickets carrying this tag, or null / left out. */
  tag: TagSchema.optional(),
  targets: SlaTargetsSchema,
  /** Count the workspace's business hours (default) or every hour. */
  business_hours: z.boolean({ error: "business_hours must be true or false" }).default(true),
  position: z.preprocess(blankToUndefined, PositionSchema.optional()),
});
export type CreateSlaPolicyInput = z.input<typeof CreateSlaPolicySchema>;

export const SlaPolicyRefSchema = z.strictObject({ sla_policy: IdSchema });
export type SlaPolicyRefInput = z.input<typeof SlaPolicyRefSchema>;

export const UpdateSlaPolicySchema = z
  .strictObject({
    sla_policy: IdSchema,
    name: NameSchema.optional(),
    team: TeamSchema.optional(),
    tag: TagSchema.optional(),
    targets: SlaTargetsSchema.optional(),
    business_hours: z.boolean({ error: "business_hours must be true or false" }).optional(),
    position: z.preprocess(blankToUndefined, PositionSchema.optional()),
  })
  .refine((v) => [v.name, v.team, v.tag, v.targets, v.business_hours, v.position].some((x) => x !== undefined), {
    message: "give at least one field to change",
    path: ["name"],
  });
export type UpdateSlaPolicyInput = z.input<typeof UpdateSlaPolicySchema>;

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const ClockSchema = z.string({ error: "a time like 09:00" }).regex(CLOCK, "times are HH:MM, 00:00 to 24:00");

const IntervalSchema = z
  .strictObject({ start: ClockSchema, end: ClockSchema })
  .refine((i) => parseClock(i.end) > parseClock(i.start), { message: "end must be after start", path: ["end"] });

const DaySchema = z
  .array(IntervalSchema, { error: "each day is a list of { start, end } times" })
  .max(6, "at most 6 intervals a day")
  .refine(
    (list) => {
      const sorted = [...list].sort((a, b) => parseClock(a.start) - parseClock(b.start));
      return sorted.every((i, n) => n === 0 || parseClock(i.start) >= parseClock(sorted[n - 1]!.end));
    },
    { message: "a day's intervals must not overlap" },
  );

export const WeeklyHoursSchema = z
  .strictObject(
    Object.fromEntries(WEEKDAYS.map((d) => [d, DaySchema.default([])])) as Record<
      (typeof WEEKDAYS)[number],
      z.ZodDefault<typeof DaySchema>
    >,
    { error: `weekly must be an object keyed by day (${WEEKDAYS.join(", ")})` },
  )
  .refine((w) => Object.values(w).some((d) => d.length > 0), {
    message: "give business hours on at least one day",
  });

export const UpdateBusinessHoursSchema = z.strictObject({
  time_zone: z
    .string({ error: "time_zone is required" })
    .trim()
    .refine(isTimeZone, { message: 'time_zone must be an IANA time zone like "Europe/Berlin"' }),
  weekly: WeeklyHoursSchema,
  holidays: z
    .array(z.iso.date({ error: "holidays are dates like 2026-12-25" }), {
      error: "holidays must be a list of dates",
    })
    .max(366, "at most 366 holidays")
    .default([]),
});
export type UpdateBusinessHoursInput = z.input<typeof UpdateBusinessHoursSchema>;
