import type { Metadata } from "next";
import Link from "next/link";
import { TimeAgo } from "@/components/ui/time-ago";
import { ANALYTICS_ROLE } from "@/lib/auth/roles";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { fieldErrorsOf } from "@/lib/errors";
import { getAnalyticsReport, type AnalyticsReport } from "@/lib/services/analytics/get-analytics-report";
import { AnalyticsReportSchema } from "@/lib/validations/analytics";
import { BacklogChart, McpCallsChart, TimesChart, VolumeChart, type DayPoint } from "./analytics-charts";
import { formatCount, formatDuration, formatShare } from "./format";

export const metadata: Metadata = { title: "Analytics" };

const PRESETS = [7, 30, 90] as const;
const PERIOD_PARAMS = ["period_days", "from", "to"] as const;

type Search = Record<string, string | string[] | undefined>;
type MetricsGroup = NonNullable<AnalyticsReport["metrics"]>["total"]["groups"][number];

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { ctx } = await requireWorkspaceSession(ANALYTICS_ROLE.support_metrics, "/analytics");
  const search = await searchParams;
  const asked: Record<string, string> = {};
  for (const name of PERIOD_PARAMS) {
    const value = search[name];
    const text = Array.isArray(value) ? value[0] : value;
    if (text) asked[name] = text;
  }
  // A period the page cannot read is named, and the default period shown instead.
  const parsed = AnalyticsReportSchema.safeParse(asked);
  const problems = parsed.success ? null : fieldErrorsOf(parsed.error);
  const query = parsed.success ? asked : {};
  const report = await getAnalyticsReport(ctx, query);
  const metrics = report.metrics!;
  const backlog = report.backlog!;
  const total = metrics.total.groups[0];
  const preset = query.from ? null : Number(query.period_days ?? 30);
  const exportQuery = new URLSearchParams(query).toString();
  const days: DayPoint[] = metrics.by_day.groups.map((g) => ({
    day: g.label,
    created: g.volume,
    resolved: g.resolved,
    first_response_hours: hours(g.first_response_seconds.median),
    resolution_hours: hours(g.resolution_seconds.median),
  }));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold">Analytics</h1>
          <p className="text-sm text-slate-600" data-testid="analytics-period">
            Tickets created from <TimeAgo date={metrics.total.since} mode="exact" /> to{" "}
            <TimeAgo date={metrics.total.until} mode="exact" />. Figures as of <TimeAgo date={metrics.total.as_of} />;
            the same as the get_support_metrics tool gives.
          </p>
        </div>
        <a
          href={`/analytics/export${exportQuery ? `?${exportQuery}` : ""}`}
          download
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
        >
          Export CSV
        </a>
      </div>

      <section aria-label="Period" className="flex flex-wrap items-end gap-4 text-sm">
        <nav aria-label="Preset periods" className="flex gap-1">
          {PRESETS.map((d) => (
            <Link
              key={d}
              href={`/analytics?period_days=${d}`}
              aria-current={preset === d ? "page" : undefined}
              className={`rounded-md px-3 py-1.5 ring-1 ring-slate-300 ${
                preset === d ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-50"
              }`}
            >
              Last {d} days
            </Link>
          ))}
        </nav>
        <form action="/analytics" className="flex flex-wrap items-end gap-2" aria-label="Custom period">
          <label className="flex flex-col gap-1 text-slate-700">
            From
            <input
              type="date"
              name="from"
              required
              defaultValue={query.from ?? ""}
              className="rounded-md px-2 py-1 ring-1 ring-slate-300"
            />
          </label>
          <label className="flex flex-col gap-1 text-slate-700">
            To
            <input
              type="date"
              name="to"
              required
              defaultValue={query.to ?? ""}
              className="rounded-md px-2 py-1 ring-1 ring-slate-300"
            />
          </label>
          <button
            type="submit"
            className="rounded-md px-3 py-1.5 text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
          >
            Show
          </button>
        </form>
      </section>

      {problems ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          {Object.entries(problems)
            .map(([field, messages]) => `${field}: ${messages.join("; ")}`)
            .join(" · ")}
          . Showing the last 30 days.
        </p>
      ) : null}

      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" aria-label="Totals">
        <Stat name="tickets" label="Tickets created" value={formatCount(total?.volume ?? 0)} />
        <Stat name="resolved" label="Resolved" value={formatCount(total?.resolved ?? 0)} />
        <Stat
          name="first-response"
          label="First response (median)"
          value={formatDuration(total?.first_response_seconds.median)}
          hint={`p90 ${formatDuration(total?.first_response_seconds.p90)}`}
        />
        <Stat
          name="resolution"
          label="Resolution (median)"
          value={formatDuration(total?.resolution_seconds.median)}
          hint={`p90 ${formatDuration(total?.resolution_seconds.p90)}`}
        />
        <Stat
          name="sla-first-response"
          label="First-response SLA met"
          value={formatShare(total?.sla.first_response.attainment)}
          hint={`${total?.sla.first_response.met ?? 0} of ${total?.sla.first_response.measured ?? 0}`}
        />
        <Stat
          name="sla-resolution"
          label="Resolution SLA met"
          value={formatShare(total?.sla.resolution.attainment)}
          hint={`${total?.sla.resolution.met ?? 0} of ${total?.sla.resolution.measured ?? 0}`}
        />
        <Stat
          name="csat"
          label="CSAT (satisfied)"
          value={total?.csat?.percent == null ? "—" : `${total.csat.percent}%`}
          hint={`${total?.csat?.ratings ?? 0} ratings`}
        />
        <Stat
          name="backlog"
          label="Unresolved now"
          value={formatCount(backlog.by_team.total.open + backlog.by_team.total.pending)}
          hint={`${backlog.by_team.unassigned} unassigned`}
        />
      </dl>

      <div className="grid gap-4 lg:grid-cols-2">
        <VolumeChart days={days} />
        <TimesChart days={days} />
      </div>

      <MetricsTable title="By team" column="Team" groups={metrics.by_team.groups} testId="metrics-by-team" />
      <MetricsTable title="By agent" column="Agent" groups={metrics.by_agent.groups} testId="metrics-by-agent" />

      <div className="grid gap-4 lg:grid-cols-2">
        <BacklogChart title="Backlog by team" groups={backlog.by_team.groups} testId="chart-backlog-team" />
        <BacklogChart title="Backlog by agent" groups={backlog.by_agent.groups} testId="chart-backlog-agent" />
      </div>

      {report.mcp_usage ? (
        <section className="space-y-4" aria-labelledby="mcp-usage-heading">
          <h2 id="mcp-usage-heading" className="text-lg font-semibold">
            MCP usage
          </h2>
          <McpCallsChart days={report.mcp_usage.by_day} />
          <div className="grid gap-4 lg:grid-cols-2">
            <UsageTable
              title="By client"
              column="Client"
              rows={report.mcp_usage.by_client.map((r) => ({ name: r.client, ...r }))}
              testId="mcp-by-client"
            />
            <UsageTable
              title="By tool"
              column="Tool"
              rows={report.mcp_usage.by_tool.map((r) => ({ name: r.tool, ...r }))}
              testId="mcp-by-tool"
            />
          </div>
        </section>
      ) : (
        <p className="text-sm text-slate-600">MCP usage by client and tool is shown to admins and owners.</p>
      )}
    </div>
  );
}

const hours = (seconds: number | null) => (seconds == null ? null : Math.round((seconds / 3600) * 10) / 10);

function Stat({ name, label, value, hint }: { name: string; label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200" data-testid={`stat-${name}`}>
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-2xl font-semibold" data-testid="stat-value">
        {value}
      </dd>
      {hint ? <dd className="text-xs text-slate-600">{hint}</dd> : null}
    </div>
  );
}

function MetricsTable({
  title,
  column,
  groups,
  testId,
}: {
  title: string;
  column: string;
  groups: MetricsGroup[];
  testId: string;
}) {
  return (
    <section className="space-y-2 rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200" aria-label={title}>
      <h2 className="font-semibold">{title}</h2>
      {groups.length === 0 ? (
        <p className="text-slate-600">No tickets in this period.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full" data-testid={testId}>
            <thead className="text-left text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th className="py-1 pr-3">{column}</th>
                <th className="py-1 pr-3">Tickets</th>
                <th className="py-1 pr-3">Resolved</th>
                <th className="py-1 pr-3">First response</th>
                <th className="py-1 pr-3">Resolution</th>
                <th className="py-1 pr-3">First-response SLA</th>
                <th className="py-1 pr-3">Resolution SLA</th>
                <th className="py-1">CSAT</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.key ?? "none"} className="border-t border-slate-100">
                  <td className="py-1 pr-3">{g.label}</td>
                  <td className="py-1 pr-3">{formatCount(g.volume)}</td>
                  <td className="py-1 pr-3">{formatCount(g.resolved)}</td>
                  <td className="py-1 pr-3">{formatDuration(g.first_response_seconds.median)}</td>
                  <td className="py-1 pr-3">{formatDuration(g.resolution_seconds.median)}</td>
                  <td className="py-1 pr-3">{formatShare(g.sla.first_response.attainment)}</td>
                  <td className="py-1 pr-3">{formatShare(g.sla.resolution.attainment)}</td>
                  <td className="py-1">{g.csat?.percent == null ? "—" : `${g.csat.percent}% of ${g.csat.ratings}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function UsageTable({
  title,
  column,
  rows,
  testId,
}: {
  title: string;
  column: string;
  rows: { name: string; calls: number; errors: number; p95_ms: number | null }[];
  testId: string;
}) {
  return (
    <section
      className="space-y-2 rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200"
      aria-label={`MCP usage ${title.toLowerCase()}`}
    >
      <h3 className="font-semibold">{title}</h3>
      {rows.length === 0 ? (
        <p className="text-slate-600">No MCP calls in this period.</p>
      ) : (
        <table className="w-full" data-testid={testId}>
          <thead className="text-left text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th className="py-1 pr-3">{column}</th>
              <th className="py-1 pr-3">Calls</th>
              <th className="py-1 pr-3">Errors</th>
              <th className="py-1">p95 latency</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.name}:${i}`} className="border-t border-slate-100">
                <td className="py-1 pr-3">{r.name}</td>
                <td className="py-1 pr-3">{formatCount(r.calls)}</td>
                <td className="py-1 pr-3">{formatCount(r.errors)}</td>
                <td className="py-1">{r.p95_ms === null ? "—" : `${r.p95_ms} ms`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
