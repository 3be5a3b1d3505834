import { z } from "zod";

export const LIMIT_DEFAULT = 20;
export const LIMIT_MAX = 100;

export const LimitSchema = z.coerce
  .number({ error: "limit must be a number" })
  .int("limit must be a whole number")
  .min(1, "limit must be at least 1")
  .max(LIMIT_MAX, `limit must be at most ${LIMIT_MAX}`)
  .default(LIMIT_DEFAULT);

export const CursorSchema = z.string().max(500, "cursor is too long").optional();

export const IdSchema = z.string().trim().min(1, "required").max(64, "too long");

/** A ticket is addressed by its per-workspace number (#1042). */
export const TicketNumberSchema = z.coerce
  .number({ error: "ticket must be a ticket number" })
  .int("ticket must be a whole number")
  .positive("ticket must be a positive number")
  .max(2_147_483_647, "ticket number is too large");

/** Empty form fields arrive as "": treat them as absent. */
export function blankToUndefined(value: unknown): unknown {
  return typeof value === "string" && value.trim() === "" ? undefined : value;
}

export type Page<T> = { items: T[]; next_cursor: string | null; has_more: boolean };

export function encodeCursor(value: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function decodeCursor<T extends Record<string, unknown>>(
  cursor: string | undefined,
  shape: z.ZodType<T>,
): T | null {
  if (!cursor) return null;
  try {
    const parsed = shape.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
