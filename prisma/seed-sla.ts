import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { computeSla, matchPolicy, NO_SLA, type SlaPolicyRule } from "@/lib/services/sla/compute";
import { calendarOf } from "@/lib/services/sla/calendar";

/** The demo's business hours: New York, weekdays 08:00–18:00, with the year-end holidays. */
const HOURS = {
  timeZone: "America/New_York",
  weekly: Object.fromEntries(
    ["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [{ start: "08:00", end: "18:00" }]]),
  ) as Prisma.InputJsonObject,
  holidays: ["2026-11-26", "2026-12-25", "2027-01-01"],
};

const POLICIES: { name: string; tag: string | null; businessHours: boolean; targets: Prisma.InputJsonObject }[] = [
  {
    name: "Standard support",
    tag: null,
    businessHours: true,
    targets: {
      urgent: { first_response_minutes: 60, resolution_minutes: 480 },
      high: { first_response_minutes: 240, resolution_minutes: 1440 },
      normal: { first_response_minutes: 480, resolution_minutes: 2880 },
      low: { first_response_minutes: 1440, resolution_minutes: 5760 },
    },
  },
  {
    // VIP customers are answered around the clock.
    name: "VIP around the clock",
    tag: "vip",
    businessHours: false,
    targets: {
      urgent: { first_response_minutes: 30, resolution_minutes: 240 },
      high: { first_response_minutes: 60, resolution_minutes: 480 },
      normal: { first_response_minutes: 120, resolution_minutes: 1440 },
    },
  },
];

/** Hours of calendar time to resolve, by priority: the bulk seed's approximation of the standard policy. */
export const BULK_RESOLUTION_HOURS = { urgent: 8, high: 24, normal: 48, low: 96 } as const;

/** Business hours, the two SLA policies and the "Breaching SLA" view; the standard policy comes first. */
export async function seedSlaPolicies(workspaceId: string) {
  const hours = await prisma.businessHours.create({
    data: { workspaceId, ...HOURS },
    select: { timeZone: true, weekly: true, holidays: true },
  });
  const policies = await prisma.$transaction(
    POLICIES.map((p, position) =>
      prisma.slaPolicy.create({
        data: { workspaceId, position, ...p },
        select: { id: true, name: true, teamId: true, tag: true, targets: true, businessHours: true, position: true },
      }),
    ),
  );
  await prisma.savedView.create({
    data: { workspaceId, name: "Breaching SLA", filters: { sla: "breached" } },
  });
  return { hours, policies };
}

/**
 * Open and pending tickets get their due times as the app would have computed them at creation and
 * their first reply. (A bulk seed writes a set-based approximation with its tickets instead, in
 * calendar hours, BULK_RESOLUTION_HOURS: an update afterwards would scatter the newest tickets
 * across the table and leave the list slower than a real helpdesk's.)
 */
export async function seedSla(workspaceId: string, options: { now: number }) {
  const { hours, policies } = await seedSlaPolicies(workspaceId);
  const rules = policies.map((p) => ({ ...p, targets: p.targets }) as SlaPolicyRule);
  const calendar = calendarOf(hours);
  const tickets = await prisma.ticket.findMany({
    where: { workspaceId, status: { in: ["open", "pending"] } },
    select: {
      id: true,
      createdAt: true,
      updatedAt: true,
      status: true,
      priority: true,
      teamId: true,
      firstResponseAt: true,
      tags: { select: { tag: { select: { name: true } } } },
    },
  });
  for (const t of tickets) {
    const ticket = { ...t, tags: t.tags.map((x) => x.tag.name) };
    const policy = matchPolicy(rules, ticket);
    // As the app would have: opened, then (for pending tickets) the last change that made it pending.
    let state = computeSla(
      NO_SLA,
      null,
      { ...ticket, status: "open", firstResponseAt: null },
      policy,
      calendar,
      t.createdAt,
    ).columns;
    const at = t.status === "pending" ? t.updatedAt : new Date(options.now);
    state = computeSla(state, null, ticket, policy, calendar, at).columns;
    await prisma.ticket.update({ where: { id: t.id }, data: { ...state, updatedAt: t.updatedAt } });
  }
}
