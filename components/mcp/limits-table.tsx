import type { WindowStatus } from "@/lib/rate-limit/limiter";

/** The limits in force and how close each window is. */
export function LimitsTable({ plan, windows, note }: { plan: string; windows: WindowStatus[]; note: string }) {
  return (
    <section
      className="space-y-2 rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200"
      aria-label="Rate limits"
    >
      <h2 className="font-semibold">
        Rate limits <span className="font-normal capitalize text-slate-500">· {plan} plan</span>
      </h2>
      <div className="overflow-x-auto">
        <table className="w-full" data-testid="rate-limits">
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-1">Window</th>
              <th className="py-1">Limit</th>
              <th className="py-1">Left now</th>
              <th className="py-1" />
            </tr>
          </thead>
          <tbody>
            {windows.map((w) => (
              <tr key={w.window}>
                <td className="py-1 capitalize">
                  {w.window === "second"
                    ? "Burst (per second)"
                    : w.window === "month"
                      ? "Tool calls per month (workspace)"
                      : `Per ${w.window}`}
                </td>
                <td className="py-1">{w.limit.toLocaleString("en")}</td>
                <td className="py-1">{w.remaining.toLocaleString("en")}</td>
                <td className="w-1/3 py-1">
                  <div className="h-1.5 rounded bg-slate-100">
                    <div
                      className="h-1.5 rounded bg-indigo-500"
                      style={{ width: `${Math.round(((w.limit - w.remaining) / w.limit) * 100)}%` }}
                    />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-500">{note}</p>
    </section>
  );
}
