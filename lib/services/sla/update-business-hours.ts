import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { businessHoursJson, calendarOf, requireSlaAdmin, type BusinessHoursJson } from "@/lib/services/sla/shared";
import { UpdateBusinessHoursSchema, type UpdateBusinessHoursInput } from "@/lib/validations/sla";

/**
 * Replaces the workspace's business hours: its time zone, the hours of each weekday in that zone's
 * wall time, and holidays. SLA due times count them from each ticket's next change.
 */
export async function updateBusinessHours(
  ctx: ActorContext,
  input: UpdateBusinessHoursInput,
): Promise<BusinessHoursJson> {
  const data = parseInput(UpdateBusinessHoursSchema, input);
  requireSlaAdmin(ctx, "change business hours");
  const weekly = Object.fromEntries(
    Object.entries(data.weekly).map(([day, list]) => [day, [...list].sort((a, b) => a.start.localeCompare(b.start))]),
  );
  const holidays = [...new Set(data.holidays)].sort();
  const row = await prisma.businessHours.upsert({
    where: { workspaceId: ctx.workspaceId },
    create: { workspaceId: ctx.workspaceId, timeZone: data.time_zone, weekly, holidays },
    update: { timeZone: data.time_zone, weekly, holidays },
    select: { timeZone: true, weekly: true, holidays: true },
  });
  await recordAudit(ctx, {
    action: "business_hours.update",
    details: { time_zone: row.timeZone, holidays: row.holidays.length },
  });
  return businessHoursJson(calendarOf(row));
}
