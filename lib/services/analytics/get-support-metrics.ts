import "server-only";
import type { z } from "zod";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/errors";
import { readSnapshot, storeSnapshot } from "@/lib/services/analytics/snapshots";
import {
  daysOf,
  resolvePeriod,
  SupportMetricsSchema,
  type Period,
  type SupportMetricsInput,
} from "@/lib/validations/analytics";

const DAY_MS = 86_400_000;

type Row = {
  key: string | null;
  label: string | null;
  volume: number;
  resolved: number;
  frt_p50: number | null;
  frt_p90: number | null;
  res_p50: number | null;
  res_p90: number | null;
  frt_measured: number;
  frt_met: number;
  res_measured: number;
  res_met: number;
};

type CsatRow = { key: string | null; label: string | null; ratings: number; satisfied: number };

/** An SLA target's attainment: of the tickets whose target is settled (met, or missed), the share met. */
function attainment(measured: number, met: number) {
  return { measured, met, attainment: measured === 0 ? null : Math.round((met / measured) * 10_000) / 10_000 };
}

const round = (seconds: number | null) => (seconds == null ? null : Math.round(Number(seconds)));

type Question = z.output<typeof SupportMetricsSchema>;
type Metrics = { period: Period; group_by: Question["group_by"] };

// Versioned: answers stored in an older shape (before per-day groups and custom periods) are never served.
const SNAPSHOT = "support-metrics-v3";

/**
 * The snapshot key of one question: its normalised input (the last 30 days when no period is
 * given, so the tool's default and the analytics page's share one answer).
 */
function keyOf(question: Question) {
  const params = new URLSearchParams();
  if (question.from) params.set("from", question.from.toISOString());
  else params.set("period_days", String(question.period_days ?? 30));
  if (question.to) params.set("to", question.to.toISOString());
  params.set("group_by", question.group_by);
  return `${SNAPSHOT}|${params.toString()}`;
}

/**
 * Volume, first-response and resolution times (median and p90, in seconds) for tickets created
 * in the period, for the workspace or per team, agent or day. A year of tickets is too much to read
 * in every call at volume, so the answer is a snapshot the refresh-analytics job keeps current (at
 * most about five minutes old); `as_of` says when it was computed. CSAT counts the ratings given
 * in the period, for the agent and team the ticket had when the rating was requested (per day: the
 * day of the rating).
 */
export async function getSupportMetrics(ctx: ActorContext, input: SupportMetricsInput) {
  const question = parseInput(SupportMetricsSchema, input);
  return readSnapshot(ctx.workspaceId, keyOf(question), () => computeSupportMetrics(ctx.workspaceId, question));
}

/** Recomputes a stored answer (for the refresh job); a key it does not know is left alone. */
export async function refreshSupportMetrics(workspaceId: string, key: string): Promise<boolean> {
  const [kind, query] = key.split("|");
  if (kind !== SNAPSHOT || query === undefined) return false;
  const parsed = SupportMetricsSchema.safeParse(Object.fromEntries(new URLSearchParams(query)));
  if (!parsed.success || keyOf(parsed.data) !== key) return false;
  await storeSnapshot(workspaceId, key, () => computeSupportMetrics(workspaceId, parsed.data));
  return true;
}

function computeSupportMetrics(workspaceId: string, question: Question) {
  return computeMetrics(workspaceId, { period: resolvePeriod(question), group_by: question.group_by });
}

async function computeMetrics(workspaceId: string, { period, group_by }: Metrics) {
  const { from: since, to: until } = period;
  const period_days = Math.max(1, Math.round((until.getTime() - since.getTime()) / DAY_MS));
  const key =
    group_by === "team"
      ? Prisma.sql`t."teamId"`
      : group_by === "agent"
        ? Prisma.sql`t."assigneeId"`
        : group_by === "day"
          ? Prisma.sql`to_char(t."createdAt", 'YYYY-MM-DD')`
          : Prisma.sql`NULL::text`;
  const label =
    group_by === "team"
      ? Prisma.sql`(SELECT name FROM "public"."Team" WHERE id = g.key)`
      : group_by === "agent"
        ? Prisma.sql`(SELECT name FROM "public"."User" WHERE id = g.key)`
        : group_by === "day"
          ? Prisma.sql`g.key`
          : Prisma.sql`NULL::text`;
  const frt = Prisma.sql`extract(epoch FROM t."firstResponseAt" - t."createdAt")`;
  const res = Prisma.sql`extract(epoch FROM t."resolvedAt" - t."createdAt")`;
  // A target is settled once met or missed; a due time that passed while the clock ran counts as
  // missed before the breach job has flagged it.
  const now = Prisma.sql`${new Date().toISOString()}::timestamp(3)`;
  const frtMissed = Prisma.sql`(t."firstResponseMissed" OR (t."firstResponseAt" IS NULL AND t."slaPausedAt" IS NULL AND t."firstResponseDueAt" <= ${now}))`;
  const resMissed = Prisma.sql`(t."resolutionMissed" OR (t."resolvedAt" IS NULL AND t."slaPausedAt" IS NULL AND t."resolutionDueAt" <= ${now}))`;
  // Labels are looked up per group after counting; table names are schema-qualified like Prisma's own queries.
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT g.key, ${label} AS label, g.volume, g.resolved,
           g.frt[1] AS frt_p50, g.frt[2] AS frt_p90, g.res[1] AS res_p50, g.res[2] AS res_p90,
           g.frt_measured, g.frt_met, g.res_measured, g.res_met
    FROM (
      SELECT ${key} AS key,
        count(*)::int AS volume,
        count(*) FILTER (WHERE t."resolvedAt" IS NOT NULL)::int AS resolved,
        percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${frt}) FILTER (WHERE t."firstResponseAt" IS NOT NULL) AS frt,
        percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${res}) FILTER (WHERE t."resolvedAt" IS NOT NULL) AS res,
        count(*) FILTER (WHERE t."firstResponseDueAt" IS NOT NULL AND (t."firstResponseAt" IS NOT NULL OR ${frtMissed}))::int AS frt_measured,
        count(*) FILTER (WHERE t."firstResponseDueAt" IS NOT NULL AND t."firstResponseAt" IS NOT NULL AND NOT ${frtMissed})::int AS frt_met,
        count(*) FILTER (WHERE t."resolutionDueAt" IS NOT NULL AND (t."resolvedAt" IS NOT NULL OR ${resMissed}))::int AS res_measured,
        count(*) FILTER (WHERE t."resolutionDueAt" IS NOT NULL AND t."resolvedAt" IS NOT NULL AND NOT ${resMissed})::int AS res_met
      FROM "public"."Ticket" t
      WHERE t."workspaceId" = ${workspaceId} AND t."createdAt" >= ${since} AND t."createdAt" < ${until}
      GROUP BY 1
    ) g
    ORDER BY g.volume DESC, g.key`;
  const csatKey =
    group_by === "team"
      ? Prisma.sql`c."teamId"`
      : group_by === "agent"
        ? Prisma.sql`c."agentId"`
        : group_by === "day"
          ? Prisma.sql`to_char(c."ratedAt", 'YYYY-MM-DD')`
          : Prisma.sql`NULL::text`;
  const csatRows = await prisma.$queryRaw<CsatRow[]>`
    SELECT g.key, ${label} AS label, g.ratings, g.satisfied
    FROM (
      SELECT ${csatKey} AS key, count(*)::int AS ratings, count(*) FILTER (WHERE c."satisfied")::int AS satisfied
      FROM "public"."CsatRequest" c
      WHERE c."workspaceId" = ${workspaceId} AND c."ratedAt" >= ${since} AND c."ratedAt" < ${until}
      GROUP BY 1
    ) g`;
  const csatOf = (key: string | null) => {
    const row = csatRows.find((c) => c.key === key);
    return row
      ? { ratings: row.ratings, satisfied: row.satisfied, percent: Math.round((100 * row.satisfied) / row.ratings) }
      : { ratings: 0, satisfied: 0, percent: null };
  };
  const fallback = group_by === "none" ? "All tickets" : group_by === "team" ? "No team" : "Unassigned";
  const empty = (key: string | null, label: string) => ({
    key,
    label,
    volume: 0,
    resolved: 0,
    first_response_seconds: { median: null, p90: null },
    resolution_seconds: { median: null, p90: null },
    sla: { first_response: attainment(0, 0), resolution: attainment(0, 0) },
    csat: csatOf(key),
  });
  // A group rated in the period may have had no tickets created in it: it shows with volume 0.
  const onlyRated = csatRows.filter((c) => !rows.some((r) => r.key === c.key));
  const groups = [
    ...rows.map((r) => ({
      key: r.key,
      label: r.label ?? fallback,
      volume: r.volume,
      resolved: r.resolved,
      first_response_seconds: { median: round(r.frt_p50), p90: round(r.frt_p90) },
      resolution_seconds: { median: round(r.res_p50), p90: round(r.res_p90) },
      sla: {
        first_response: attainment(r.frt_measured, r.frt_met),
        resolution: attainment(r.res_measured, r.res_met),
      },
      csat: csatOf(r.key),
    })),
    ...onlyRated.map((c) => empty(c.key, c.label ?? fallback)),
  ];
  return {
    period_days,
    since: since.toISOString(),
    until: until.toISOString(),
    group_by,
    // Per day: every day of the period in order, the quiet ones with zeros, ready for a chart.
    groups:
      group_by === "day" ? daysOf(period).map((day) => groups.find((g) => g.key === day) ?? empty(day, day)) : groups,
  };
}
