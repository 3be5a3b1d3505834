import "server-only";
import type { ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { DatePreferencesSchema, type DatePreferencesInput } from "@/lib/validations/profile";

export type DatePreferences = { time_zone: string | null; locale: string | null };

function requireUserId(ctx: ActorContext): string {
  if (!ctx.userId)
    throw new AppError("user_required", "Date preferences belong to a user: use a user-bound credential.");
  return ctx.userId;
}

/** The calling user's time zone and locale for dates; null follows the browser. */
export async function getDatePreferences(ctx: ActorContext): Promise<DatePreferences> {
  const row = await prisma.user.findUniqueOrThrow({
    where: { id: requireUserId(ctx) },
    select: { timeZone: true, locale: true },
  });
  return { time_zone: row.timeZone, locale: row.locale };
}

/** Saves the calling user's time zone and locale (each checked against Intl). */
export async function updateDatePreferences(ctx: ActorContext, input: DatePreferencesInput): Promise<DatePreferences> {
  const data = parseInput(DatePreferencesSchema, input);
  const row = await prisma.user.update({
    where: { id: requireUserId(ctx) },
    data: { timeZone: data.time_zone, locale: data.locale },
    select: { timeZone: true, locale: true },
  });
  return { time_zone: row.timeZone, locale: row.locale };
}
