import "server-only";
import { roleAtLeast } from "@/lib/auth/roles";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { WEEKDAYS, formatClock, type BusinessCalendar, type Weekday } from "@/lib/services/sla/business-hours";
import { calendarOf } from "@/lib/services/sla/calendar";

export { calendarOf };
import type { SlaPolicyRule, SlaTargets } from "@/lib/services/sla/compute";

export const SLA_POLICY_SELECT = {
  id: true,
  name: true,
  teamId: true,
  tag: true,
  targets: true,
  businessHours: true,
  position: true,
  team: { select: { id: true, name: true } },
} satisfies Prisma.SlaPolicySelect;

export type SlaPolicyRow = Prisma.SlaPolicyGetPayload<{ select: typeof SLA_POLICY_SELECT }>;

/** The policy as tools and pages show it. */
export function slaPolicyJson(p: SlaPolicyRow) {
  return {
    id: p.id,
    name: p.name,
    team: p.team,
    tag: p.tag,
    targets: p.targets as SlaTargets,
    business_hours: p.businessHours,
    position: p.position,
  };
}
export type SlaPolicyJson = ReturnType<typeof slaPolicyJson>;

export function toRule(
  p: Pick<SlaPolicyRow, "id" | "name" | "teamId" | "tag" | "targets" | "businessHours" | "position">,
): SlaPolicyRule {
  return {
    id: p.id,
    name: p.name,
    teamId: p.teamId,
    tag: p.tag,
    targets: p.targets as SlaTargets,
    businessHours: p.businessHours,
    position: p.position,
  };
}

/** SLA policies and business hours bind every agent's work: admins and owners change them. */
export function requireSlaAdmin(ctx: ActorContext, what: string) {
  if (!roleAtLeast(ctx.role, "admin")) throw new AppError("admin_required", `Only admins and owners ${what}.`);
}

/** Loads a policy of the actor's workspace, or throws not_found naming the field. */
export async function findSlaPolicyOrThrow(db: Prisma.TransactionClient, ctx: ActorContext, id: string) {
  const row = await db.slaPolicy.findFirst({ where: { ...inWorkspace(ctx), id }, select: SLA_POLICY_SELECT });
  if (!row) {
    const error = notFound(`SLA policy ${id}`);
    throw new AppError("not_found", error.message, { fields: { sla_policy: ["no such SLA policy"] } });
  }
  return row;
}

/** The workspace's business calendar, or null when it has set no business hours (every hour counts). */
export async function readCalendar(
  db: Prisma.TransactionClient,
  workspaceId: string,
): Promise<BusinessCalendar | null> {
  const row = await db.businessHours.findUnique({
    where: { workspaceId },
    select: { timeZone: true, weekly: true, holidays: true },
  });
  return row ? calendarOf(row) : null;
}

export type BusinessHoursJson = {
  /** False when the workspace has set none: every hour of every day counts, in UTC. */
  configured: boolean;
  time_zone: string;
  weekly: Record<Weekday, { start: string; end: string }[]>;
  holidays: string[];
};

export function businessHoursJson(calendar: BusinessCalendar | null): BusinessHoursJson {
  if (!calendar)
    return {
      configured: false,
      time_zone: "UTC",
      weekly: Object.fromEntries(
        WEEKDAYS.map((d) => [d, [{ start: "00:00", end: "24:00" }]]),
      ) as BusinessHoursJson["weekly"],
      holidays: [],
    };
  return {
    configured: true,
    time_zone: calendar.timeZone,
    weekly: Object.fromEntries(
      WEEKDAYS.map((d) => [
        d,
        calendar.weekly[d].map((i) => ({ start: formatClock(i.start), end: formatClock(i.end) })),
      ]),
    ) as BusinessHoursJson["weekly"],
    holidays: [...calendar.holidays],
  };
}
