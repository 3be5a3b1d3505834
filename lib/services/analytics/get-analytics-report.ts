import "server-only";
import { ANALYTICS_ROLE, roleAtLeast } from "@/lib/auth/roles";
import type { ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { getBacklog } from "@/lib/services/analytics/get-backlog";
import { getSupportMetrics } from "@/lib/services/analytics/get-support-metrics";
import { getMcpUsage } from "@/lib/services/governance/get-mcp-usage";
import { AnalyticsReportSchema, type AnalyticsReportInput, type AnalyticsSection } from "@/lib/validations/analytics";

/**
 * Everything the analytics page shows and its CSV export writes, read through the same services as
 * get_support_metrics, get_backlog and get_mcp_usage (so the page and the tools agree): the period's
 * totals and their per-team, per-agent and per-day groups, the backlog by team and agent, and, for
 * those who may read it, MCP usage by client, tool and day. A section asked for by name that the
 * actor's role does not reach is refused; by default the report holds every section it reaches.
 */
export async function getAnalyticsReport(ctx: ActorContext, input: AnalyticsReportInput) {
  const { sections: asked, ...period } = parseInput(AnalyticsReportSchema, input);
  const reaches = (section: AnalyticsSection) =>
    roleAtLeast(ctx.role, section === "mcp_usage" ? ANALYTICS_ROLE.mcp_usage : ANALYTICS_ROLE.support_metrics);
  const refused = asked?.find((section) => !reaches(section));
  if (refused) {
    const role = refused === "mcp_usage" ? ANALYTICS_ROLE.mcp_usage : ANALYTICS_ROLE.support_metrics;
    throw new AppError(
      role === "admin" ? "admin_required" : "forbidden",
      `The ${refused} section needs the ${role} role.`,
    );
  }
  const sections = asked ?? (["metrics", "backlog", "mcp_usage"] as const).filter(reaches);
  const wants = (section: AnalyticsSection) => sections.includes(section);
  const [total, byTeam, byAgent, byDay, backlogByTeam, backlogByAgent, mcpUsage] = await Promise.all([
    wants("metrics") ? getSupportMetrics(ctx, { ...period, group_by: "none" }) : null,
    wants("metrics") ? getSupportMetrics(ctx, { ...period, group_by: "team" }) : null,
    wants("metrics") ? getSupportMetrics(ctx, { ...period, group_by: "agent" }) : null,
    wants("metrics") ? getSupportMetrics(ctx, { ...period, group_by: "day" }) : null,
    wants("backlog") ? getBacklog(ctx, { by: "team" }) : null,
    wants("backlog") ? getBacklog(ctx, { by: "assignee" }) : null,
    wants("mcp_usage") ? getMcpUsage(ctx, period) : null,
  ]);
  return {
    period,
    sections,
    metrics: total && byTeam && byAgent && byDay ? { total, by_team: byTeam, by_agent: byAgent, by_day: byDay } : null,
    backlog: backlogByTeam && backlogByAgent ? { by_team: backlogByTeam, by_agent: backlogByAgent } : null,
    mcp_usage: mcpUsage,
  };
}

export type AnalyticsReport = Awaited<ReturnType<typeof getAnalyticsReport>>;
