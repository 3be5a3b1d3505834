import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { businessHoursJson, readCalendar, type BusinessHoursJson } from "@/lib/services/sla/shared";

/** The workspace's business hours (time zone, weekly hours, holidays); unset, every hour counts. */
export async function getBusinessHours(ctx: ActorContext): Promise<BusinessHoursJson> {
  return businessHoursJson(await readCalendar(prisma, ctx.workspaceId));
}
