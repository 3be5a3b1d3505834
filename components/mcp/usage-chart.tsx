"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { UsageDay } from "@/lib/rate-limit/usage";

/** Calls, errors and 429s per day. */
export function UsageChart({ data, title }: { data: UsageDay[]; title: string }) {
  const rows = data.map((d) => ({
    day: d.day.slice(5),
    Calls: d.calls - d.errors - d.rate_limited,
    Errors: d.errors,
    "Rate limited": d.rate_limited,
  }));
  const total = data.reduce((s, d) => s + d.calls, 0);
  return (
    <section
      className="space-y-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      aria-label={title}
      data-testid="usage-chart"
    >
      <div className="flex items-baseline justify-between">
        <h2 className="font-semibold">{title}</h2>
        <span className="text-xs text-slate-500" data-testid="usage-total">
          {total} calls in 14 days
        </span>
      </div>
      <div className="h-56">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" fontSize={11} />
            <YAxis allowDecimals={false} fontSize={11} width={40} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="Calls" stackId="a" fill="#4f46e5" />
            <Bar dataKey="Errors" stackId="a" fill="#f59e0b" />
            <Bar dataKey="Rate limited" stackId="a" fill="#e11d48" />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
