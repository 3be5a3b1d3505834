import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/errors";
import { SupportMetricsSchema, type SupportMetricsInput } from "@/lib/validations/analytics";

type Row = {
  key: string | null;
  label: string | null;
  volume: number;
  resolved: number;
  frt_p50: number | null;
  frt_p90: number | null;
  res_p50: number | null;
  res_p90: number | null;
};

const round = (seconds: number | null) => (seconds == null ? null : Math.round(Number(seconds)));

/**
 * Volume, first-response and resolution times (median and p90, in seconds) for
 * tickets created in the period, for the workspace or per team or agent.
 */
export async function getSupportMetrics(ctx: ActorContext, input: SupportMetricsInput) {
  const { period_days, group_by } = parseInput(SupportMetricsSchema, input);
  const since = new Date(Date.now() - period_days * 86_400_000);
  const key =
    group_by === "team"
      ? Prisma.sql`t."teamId"`
      : group_by === "agent"
        ? Prisma.sql`t."assigneeId"`
        : Prisma.sql`NULL::text`;
  const label =
    group_by === "team"
      ? Prisma.sql`(SELECT name FROM "public"."Team" WHERE id = t."teamId")`
      : group_by === "agent"
        ? Prisma.sql`(SELECT name FROM "public"."User" WHERE id = t."assigneeId")`
        : Prisma.sql`NULL::text`;
  // Table names are schema-qualified like Prisma's own queries, so a session's search_path cannot redirect them.
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT ${key} AS key, ${label} AS label,
      count(*)::int AS volume,
      count(*) FILTER (WHERE t."resolvedAt" IS NOT NULL)::int AS resolved,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t."firstResponseAt" - t."createdAt")) FILTER (WHERE t."firstResponseAt" IS NOT NULL) AS frt_p50,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t."firstResponseAt" - t."createdAt")) FILTER (WHERE t."firstResponseAt" IS NOT NULL) AS frt_p90,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t."resolvedAt" - t."createdAt")) FILTER (WHERE t."resolvedAt" IS NOT NULL) AS res_p50,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t."resolvedAt" - t."createdAt")) FILTER (WHERE t."resolvedAt" IS NOT NULL) AS res_p90
    FROM "public"."Ticket" t
    WHERE t."workspaceId" = ${ctx.workspaceId} AND t."createdAt" >= ${since}
    GROUP BY 1, 2
    ORDER BY volume DESC`;
  return {
    period_days,
    since: since.toISOString(),
    group_by,
    groups: rows.map((r) => ({
      key: r.key,
      label: r.label ?? (group_by === "none" ? "All tickets" : group_by === "team" ? "No team" : "Unassigned"),
      volume: r.volume,
      resolved: r.resolved,
      first_response_seconds: { median: round(r.frt_p50), p90: round(r.frt_p90) },
      resolution_seconds: { median: round(r.res_p50), p90: round(r.res_p90) },
    })),
  };
}
