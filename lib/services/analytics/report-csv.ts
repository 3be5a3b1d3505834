import type { AnalyticsReport } from "@/lib/services/analytics/get-analytics-report";

type Cell = string | number | null | undefined;
type MetricsGroup = NonNullable<AnalyticsReport["metrics"]>["total"]["groups"][number];

/**
 * One CSV cell: quoted when it holds a separator, a quote or a line break; text a spreadsheet would
 * read as a formula (=, +, -, @ first) is prefixed with an apostrophe so it stays text.
 */
function cell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const METRIC_COLUMNS = [
  "tickets",
  "resolved",
  "first_response_median_seconds",
  "first_response_p90_seconds",
  "resolution_median_seconds",
  "resolution_p90_seconds",
  "sla_first_response_met",
  "sla_first_response_measured",
  "sla_first_response_attainment",
  "sla_resolution_met",
  "sla_resolution_measured",
  "sla_resolution_attainment",
  "csat_ratings",
  "csat_satisfied",
  "csat_percent",
];

function metricCells(g: MetricsGroup | undefined): Cell[] {
  if (!g) return [0, 0, null, null, null, null, 0, 0, null, 0, 0, null, 0, 0, null];
  return [
    g.volume,
    g.resolved,
    g.first_response_seconds.median,
    g.first_response_seconds.p90,
    g.resolution_seconds.median,
    g.resolution_seconds.p90,
    g.sla.first_response.met,
    g.sla.first_response.measured,
    g.sla.first_response.attainment,
    g.sla.resolution.met,
    g.sla.resolution.measured,
    g.sla.resolution.attainment,
    g.csat?.ratings ?? 0,
    g.csat?.satisfied ?? 0,
    g.csat?.percent ?? null,
  ];
}

/** The period a report covers, as its first section says. */
export function reportPeriod(report: AnalyticsReport): { from: string; to: string } {
  if (report.metrics) return { from: report.metrics.total.since, to: report.metrics.total.until };
  if (report.mcp_usage) return { from: report.mcp_usage.from, to: report.mcp_usage.to };
  const to = new Date();
  return {
    from: new Date(to.getTime() - (report.period.period_days ?? 30) * 86_400_000).toISOString(),
    to: to.toISOString(),
  };
}

/**
 * The analytics report as CSV: one section per table, each a title line, a header row and its rows,
 * separated by a blank line. Times are in seconds, attainment a share from 0 to 1, as the tools give them.
 */
export function reportToCsv(report: AnalyticsReport): string {
  const sections: { title: string; header: string[]; rows: Cell[][] }[] = [];
  const period = reportPeriod(report);
  sections.push({ title: "Period", header: ["from", "to"], rows: [[period.from, period.to]] });
  if (report.metrics) {
    const { total, by_day, by_team, by_agent } = report.metrics;
    sections.push(
      { title: "Totals", header: METRIC_COLUMNS, rows: [metricCells(total.groups[0])] },
      {
        title: "By day",
        header: ["day", ...METRIC_COLUMNS],
        rows: by_day.groups.map((g) => [g.label, ...metricCells(g)]),
      },
      {
        title: "By team",
        header: ["team", ...METRIC_COLUMNS],
        rows: by_team.groups.map((g) => [g.label, ...metricCells(g)]),
      },
      {
        title: "By agent",
        header: ["agent", ...METRIC_COLUMNS],
        rows: by_agent.groups.map((g) => [g.label, ...metricCells(g)]),
      },
    );
  }
  if (report.backlog) {
    const { by_team, by_agent } = report.backlog;
    sections.push(
      {
        title: "Backlog by team",
        header: ["team", "open", "pending"],
        rows: by_team.groups.map((g) => [g.label, g.open, g.pending]),
      },
      {
        title: "Backlog by agent",
        header: ["agent", "open", "pending"],
        rows: by_agent.groups.map((g) => [g.label, g.open, g.pending]),
      },
    );
  }
  if (report.mcp_usage) {
    const usage = report.mcp_usage;
    sections.push(
      {
        title: "MCP usage by client",
        header: ["client", "kind", "calls", "errors", "p95_ms"],
        rows: usage.by_client.map((r) => [r.client, r.kind, r.calls, r.errors, r.p95_ms]),
      },
      {
        title: "MCP usage by tool",
        header: ["tool", "calls", "errors", "p95_ms"],
        rows: usage.by_tool.map((r) => [r.tool, r.calls, r.errors, r.p95_ms]),
      },
      {
        title: "MCP calls by day",
        header: ["day", "calls", "errors"],
        rows: usage.by_day.map((r) => [r.day, r.calls, r.errors]),
      },
    );
  }
  return sections
    .map((s) => [s.title, s.header.join(","), ...s.rows.map((row) => row.map(cell).join(","))].join("\r\n"))
    .join("\r\n\r\n")
    .concat("\r\n");
}
