import type { Metadata } from "next";
import Link from "next/link";
import { INPUT_CLASS } from "@/components/ui/field";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { listAuditEvents } from "@/lib/services/audit/list-audit-events";
import { TimeAgo } from "@/components/ui/time-ago";

export const metadata: Metadata = { title: "Audit log" };

type Search = Record<string, string | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const { ctx } = await requireWorkspaceSession("admin", "/settings/audit");
  let page: Awaited<ReturnType<typeof listAuditEvents>> | null = null;
  let error: string | null = null;
  try {
    page = await listAuditEvents(ctx, { ...params, limit: 50 });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    error = e.message;
  }
  const keep = Object.fromEntries(Object.entries(params).filter(([k, v]) => v && k !== "cursor")) as Record<
    string,
    string
  >;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Audit log</h1>
      <form method="get" className="flex flex-wrap gap-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
        <input
          name="action"
          defaultValue={params.action}
          placeholder="Action or tool (e.g. assign_ticket)"
          aria-label="Action"
          className={`${INPUT_CLASS} w-full sm:w-64`}
        />
        <select
          name="outcome"
          defaultValue={params.outcome ?? ""}
          aria-label="Outcome"
          className={`${INPUT_CLASS} w-full sm:w-48`}
        >
          <option value="">Any outcome</option>
          {[
            "ok",
            "insufficient_scope",
            "admin_required",
            "user_required",
            "not_found",
            "validation_error",
            "conflict",
            "internal_error",
          ].map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
        <select
          name="via"
          defaultValue={params.via ?? ""}
          aria-label="Channel"
          className={`${INPUT_CLASS} w-full sm:w-36`}
        >
          <option value="">Any channel</option>
          {["mcp", "web", "cli"].map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white">
          Filter
        </button>
      </form>
      {error ? (
        <p role="alert" className="text-sm text-rose-600">
          {error}
        </p>
      ) : null}
      {page ? (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="w-full text-sm" data-testid="audit-log">
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-3 py-2">When</th>
                <th className="px-3 py-2">Who</th>
                <th className="px-3 py-2">Action</th>
                <th className="px-3 py-2">Outcome</th>
                <th className="px-3 py-2">Via</th>
                <th className="px-3 py-2">Latency</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.items.map((e) => (
                <tr key={e.id}>
                  <td className="px-3 py-1.5 text-xs text-slate-600">
                    <TimeAgo date={e.created_at} />
                  </td>
                  <td className="px-3 py-1.5">
                    {e.actor?.name ?? (e.credential_kind === "workspace_key" ? "Org-level key" : "—")}
                  </td>
                  <td className="px-3 py-1.5 font-mono text-xs">{e.action}</td>
                  <td className={`px-3 py-1.5 text-xs ${e.outcome === "ok" ? "text-emerald-700" : "text-rose-700"}`}>
                    {e.outcome}
                  </td>
                  <td className="px-3 py-1.5 text-xs">
                    {e.via}
                    {e.credential_kind ? ` · ${e.credential_kind.replace("_", " ")}` : ""}
                  </td>
                  <td className="px-3 py-1.5 text-xs">{e.latency_ms != null ? `${e.latency_ms} ms` : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {page?.next_cursor ? (
        <Link
          href={`/settings/audit?${new URLSearchParams({ ...keep, cursor: page.next_cursor })}`}
          className="text-sm text-indigo-700"
        >
          Older →
        </Link>
      ) : null}
    </div>
  );
}
