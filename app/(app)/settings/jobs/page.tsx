// Settings → Background jobs: per job kind, what waits, runs, failed and died (admins).
import type { Metadata } from "next";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { getJobHealth } from "@/lib/services/system/get-job-health";
import { TimeAgo } from "@/components/ui/time-ago";

export const metadata: Metadata = { title: "Background jobs" };

const COLUMNS = [
  ["waiting", "Waiting"],
  ["running", "Running"],
  ["failed", "Failed, to retry"],
  ["dead", "Dead"],
] as const;

export default async function JobsPage() {
  await requireWorkspaceSession("admin", "/settings/jobs");
  const kinds = await getJobHealth();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Background jobs</h1>
      <p className="text-sm text-slate-600">
        Retention and other upkeep run as jobs. A failed job is retried with growing delays; one whose retries run out
        is dead and stays listed here.
      </p>
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <table className="w-full text-sm" data-testid="job-health">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">Job</th>
              {COLUMNS.map(([key, label]) => (
                <th key={key} className="px-3 py-2 text-right">
                  {label}
                </th>
              ))}
              <th className="px-3 py-2">Last completed</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {kinds.map((k) => (
              <tr key={k.kind} data-kind={k.kind}>
                <td className="px-3 py-1.5 font-mono text-xs">{k.kind}</td>
                {COLUMNS.map(([key]) => (
                  <td
                    key={key}
                    data-column={key}
                    className={`px-3 py-1.5 text-right tabular-nums ${key === "dead" && k.dead > 0 ? "font-semibold text-rose-700" : ""}`}
                  >
                    {k[key]}
                  </td>
                ))}
                <td className="px-3 py-1.5 text-xs text-slate-600">
                  {k.lastCompletedAt ? <TimeAgo date={k.lastCompletedAt} /> : "never"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
