import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { daysOf, resolvePeriod } from "@/lib/validations/analytics";
import { McpUsageQuerySchema, type McpUsageQuery } from "@/lib/validations/governance";

const MAX_ROWS = 100;

type Row = { key: string; kind: string | null; calls: number; errors: number; p95_ms: number | null };

/**
 * MCP usage over a period, from the per-call audit rows the MCP server writes (tool calls, resource
 * reads, prompts): calls, errors (any outcome other than ok) and p95 latency, per client (the key's
 * name, or the OAuth app's), per tool, and per day (UTC) for a chart.
 */
export async function getMcpUsage(ctx: ActorContext, input: McpUsageQuery = {}) {
  const query = parseInput(McpUsageQuerySchema, input);
  const period = resolvePeriod(query);
  const { from, to } = period;
  const [byClient, byTool, byDay] = await Promise.all([
    prisma.$queryRaw<Row[]>`
      SELECT COALESCE(c."name", oc."name", 'unknown') AS "key", a."credentialKind" AS "kind",
             COUNT(*)::int AS "calls", (COUNT(*) FILTER (WHERE a."outcome" <> 'ok'))::int AS "errors",
             PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY a."latencyMs")::float8 AS "p95_ms"
      FROM "public"."AuditEvent" a
      LEFT JOIN "public"."Credential" c ON c."id" = a."credentialId" AND a."credentialKind" <> 'oauth'
      LEFT JOIN "public"."OAuthGrant" g ON g."id" = a."credentialId" AND a."credentialKind" = 'oauth'
      LEFT JOIN "public"."OAuthClient" oc ON oc."id" = g."clientId"
      WHERE a."workspaceId" = ${ctx.workspaceId} AND a."via" = 'mcp' AND a."latencyMs" IS NOT NULL
        AND a."createdAt" >= ${from} AND a."createdAt" < ${to}
      GROUP BY 1, 2 ORDER BY "calls" DESC, "key" LIMIT ${MAX_ROWS}`,
    prisma.$queryRaw<Row[]>`
      SELECT a."action" AS "key", NULL AS "kind",
             COUNT(*)::int AS "calls", (COUNT(*) FILTER (WHERE a."outcome" <> 'ok'))::int AS "errors",
             PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY a."latencyMs")::float8 AS "p95_ms"
      FROM "public"."AuditEvent" a
      WHERE a."workspaceId" = ${ctx.workspaceId} AND a."via" = 'mcp' AND a."latencyMs" IS NOT NULL
        AND a."createdAt" >= ${from} AND a."createdAt" < ${to}
      GROUP BY 1 ORDER BY "calls" DESC, "key" LIMIT ${MAX_ROWS}`,
    prisma.$queryRaw<Pick<Row, "key" | "calls" | "errors">[]>`
      SELECT to_char(a."createdAt", 'YYYY-MM-DD') AS "key",
             COUNT(*)::int AS "calls", (COUNT(*) FILTER (WHERE a."outcome" <> 'ok'))::int AS "errors"
      FROM "public"."AuditEvent" a
      WHERE a."workspaceId" = ${ctx.workspaceId} AND a."via" = 'mcp' AND a."latencyMs" IS NOT NULL
        AND a."createdAt" >= ${from} AND a."createdAt" < ${to}
      GROUP BY 1`,
  ]);
  const figures = (r: Row) => ({
    calls: r.calls,
    errors: r.errors,
    p95_ms: r.p95_ms === null ? null : Math.round(r.p95_ms),
  });
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    by_client: byClient.map((r) => ({ client: r.key, kind: r.kind ?? "unknown", ...figures(r) })),
    by_tool: byTool.map((r) => ({ tool: r.key, ...figures(r) })),
    by_day: daysOf(period).map((day) => {
      const row = byDay.find((r) => r.key === day);
      return { day, calls: row?.calls ?? 0, errors: row?.errors ?? 0 };
    }),
  };
}
