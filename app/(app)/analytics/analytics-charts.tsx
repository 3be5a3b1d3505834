"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

// Axis text, grid and legend take the surrounding text colour (currentColor), so they follow the
// theme; series colours are mid tones that read on the light and the dark surface alike.
const SERIES = { first: "#6366f1", second: "#14b8a6", third: "#f59e0b" } as const;
const TICK = { fill: "currentColor", fontSize: 11 };
const TOOLTIP = {
  contentStyle: { background: "var(--color-white)", border: "1px solid var(--color-slate-300)", fontSize: 12 },
  labelStyle: { color: "var(--color-slate-900)" },
};
const legend = (value: string) => <span className="text-slate-700">{value}</span>;

function ChartCard({
  title,
  summary,
  testId,
  children,
}: {
  title: string;
  summary: string;
  testId: string;
  children: React.ReactElement;
}) {
  return (
    <figure className="space-y-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid={testId}>
      <figcaption className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-semibold">{title}</span>
        <span className="text-xs text-slate-600">{summary}</span>
      </figcaption>
      <div className="h-56 text-slate-600">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

const shortDay = (day: string) => day.slice(5);

export type DayPoint = {
  day: string;
  created: number;
  resolved: number;
  first_response_hours: number | null;
  resolution_hours: number | null;
};

/** Tickets created and resolved per day of the period. */
export function VolumeChart({ days }: { days: DayPoint[] }) {
  const created = days.reduce((s, d) => s + d.created, 0);
  return (
    <ChartCard title="Tickets per day" summary={`${created.toLocaleString("en")} created`} testId="chart-volume">
      <BarChart data={days}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="currentColor" strokeOpacity={0.25} />
        <XAxis dataKey="day" tickFormatter={shortDay} tick={TICK} stroke="currentColor" />
        <YAxis allowDecimals={false} tick={TICK} width={40} stroke="currentColor" />
        <Tooltip {...TOOLTIP} />
        <Legend formatter={legend} wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="created" name="Created" fill={SERIES.first} />
        <Bar dataKey="resolved" name="Resolved" fill={SERIES.second} />
      </BarChart>
    </ChartCard>
  );
}

/** Median first-response and resolution time, in hours, of the tickets created each day. */
export function TimesChart({ days }: { days: DayPoint[] }) {
  return (
    <ChartCard title="Median response times" summary="hours, by day created" testId="chart-times">
      <LineChart data={days}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="currentColor" strokeOpacity={0.25} />
        <XAxis dataKey="day" tickFormatter={shortDay} tick={TICK} stroke="currentColor" />
        <YAxis tick={TICK} width={40} stroke="currentColor" />
        <Tooltip {...TOOLTIP} />
        <Legend formatter={legend} wrapperStyle={{ fontSize: 12 }} />
        <Line
          type="monotone"
          dataKey="first_response_hours"
          name="First response"
          stroke={SERIES.first}
          dot={false}
          connectNulls
        />
        <Line
          type="monotone"
          dataKey="resolution_hours"
          name="Resolution"
          stroke={SERIES.third}
          dot={false}
          connectNulls
        />
      </LineChart>
    </ChartCard>
  );
}

/** Open and pending tickets per team or agent, now. */
export function BacklogChart({
  title,
  groups,
  testId,
}: {
  title: string;
  groups: { label: string; open: number; pending: number }[];
  testId: string;
}) {
  const total = groups.reduce((s, g) => s + g.open + g.pending, 0);
  return (
    <ChartCard title={title} summary={`${total.toLocaleString("en")} unresolved now`} testId={testId}>
      <BarChart data={groups} layout="vertical" margin={{ left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="currentColor" strokeOpacity={0.25} />
        <XAxis type="number" allowDecimals={false} tick={TICK} stroke="currentColor" />
        <YAxis type="category" dataKey="label" tick={TICK} width={110} stroke="currentColor" />
        <Tooltip {...TOOLTIP} />
        <Legend formatter={legend} wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="open" name="Open" stackId="b" fill={SERIES.first} />
        <Bar dataKey="pending" name="Pending" stackId="b" fill={SERIES.third} />
      </BarChart>
    </ChartCard>
  );
}

/** MCP calls and errors per day. */
export function McpCallsChart({ days }: { days: { day: string; calls: number; errors: number }[] }) {
  const rows = days.map((d) => ({ day: d.day, ok: d.calls - d.errors, errors: d.errors }));
  const calls = days.reduce((s, d) => s + d.calls, 0);
  return (
    <ChartCard title="MCP calls per day" summary={`${calls.toLocaleString("en")} calls`} testId="chart-mcp">
      <BarChart data={rows}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="currentColor" strokeOpacity={0.25} />
        <XAxis dataKey="day" tickFormatter={shortDay} tick={TICK} stroke="currentColor" />
        <YAxis allowDecimals={false} tick={TICK} width={40} stroke="currentColor" />
        <Tooltip {...TOOLTIP} />
        <Legend formatter={legend} wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="ok" name="Succeeded" stackId="m" fill={SERIES.second} />
        <Bar dataKey="errors" name="Errors" stackId="m" fill={SERIES.third} />
      </BarChart>
    </ChartCard>
  );
}
