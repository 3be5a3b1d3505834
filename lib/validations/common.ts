import { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * The values of a Prisma enum in the schema's order, as the non-empty list z.enum and pickers take:
 * the database's enum is the one list of statuses, roles and plans.
 */
export function enumValues<const E extends Record<string, string>>(values: E): readonly [E[keyof E], ...E[keyof E][]] {
  return Object.values(values) as [E[keyof E], ...E[keyof E][]];
}

export const LIMIT_DEFAULT = 20;
export const LIMIT_MAX = 100;

/**
 * A whole number from JSON, or from a form field or URL parameter that holds
 * only digits; anything else (true, "", "5 tickets") is refused, never coerced.
 */
export function fromDigits<S extends z.ZodType>(schema: S) {
  return z.preprocess((v) => (typeof v === "string" && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v), schema);
}

/**
 * A date as JSON carries it: 2026-11-30 or 2026-11-30T09:00:00Z (with an
 * offset). Read as a Date; anything else is refused with the field's name.
 */
export function isoDate(field: string) {
  const message = `${field} must be a date like 2026-11-30 or a date-time like 2026-11-30T09:00:00Z`;
  // A Date passes too: services parse again what a tool or page already parsed.
  return z.preprocess(
    (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString() : v),
    z
      .union([z.iso.date({ error: message }), z.iso.datetime({ offset: true, error: message })], { error: message })
      .transform((value) => new Date(value)),
  );
}

export const LimitSchema = fromDigits(
  z
    .number({ error: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(LIMIT_MAX, `limit must be at most ${LIMIT_MAX}`),
).default(LIMIT_DEFAULT);

export const CursorSchema = z.string().max(500, "cursor is too long").optional();

export const IdSchema = z.string().trim().min(1, "required").max(64, "too long");

/** A ticket is addressed by its per-workspace number (#1042). */
export const TicketNumberSchema = fromDigits(
  z
    .number({ error: "ticket must be a ticket number" })
    .int("ticket must be a whole number")
    .positive("ticket must be a positive number")
    .max(2_147_483_647, "ticket number is too large"),
);

/** Empty form fields arrive as "": treat them as absent. */
export function blankToUndefined(value: unknown): unknown {
  return typeof value === "string" && value.trim() === "" ? undefined : value;
}

export type Page<T> = { items: T[]; next_cursor: string | null; has_more: boolean };

export function encodeCursor(value: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/**
 * Reads a cursor this list handed out. Anything else (edited, truncated, from
 * another list) is a validation error on the cursor field, never a query.
 */
export function decodeCursor<T extends Record<string, unknown>>(
  cursor: string | undefined,
  shape: z.ZodType<T>,
): T | null {
  if (!cursor) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    value = undefined;
  }
  const parsed = shape.safeParse(value);
  if (!parsed.success) {
    throw new AppError(
      "validation_error",
      "cursor is not one this list gave out: leave it out to start from the first page, or pass next_cursor exactly as it came.",
      { fields: { cursor: ["is not a cursor this list gave out"] } },
    );
  }
  return parsed.data;
}

/** Cursor fields: a position timestamp and a row id, exactly as encodeCursor wrote them. */
export const CursorTime = z.iso.datetime();
export const CursorId = z.string().min(1).max(64);

/** A switch as forms send it ("on"/"off", a checkbox's "on") and as JSON does (true/false). */
export function switchSchema(field: string) {
  return z.preprocess(
    (v) => (v === "on" || v === "true" ? true : v === "off" || v === "false" ? false : v),
    z.boolean({ error: `${field} must be true or false` }),
  );
}
