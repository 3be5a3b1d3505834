import type { Metadata } from "next";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { getMcpGovernance } from "@/lib/services/governance/get-mcp-governance";
import { getMcpUsage } from "@/lib/services/governance/get-mcp-usage";
import { listAccessRequests } from "@/lib/services/governance/list-access-requests";
import { AccessRequests, GovernanceForm } from "./page-client";

export const metadata: Metadata = { title: "MCP governance" };

export default async function McpGovernancePage() {
  const { ctx } = await requireWorkspaceSession("owner", "/settings/mcp-governance");
  const [governance, requests, usage] = await Promise.all([
    getMcpGovernance(ctx),
    listAccessRequests(ctx),
    getMcpUsage(ctx),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">MCP governance</h1>
        <p className="text-sm text-slate-600">
          What MCP clients may do in this workspace. Changes apply to the next request of every connection. Per-key IP
          allow-lists are set on each key in Settings → API Access; the monthly tool-call budget with the rate limits in
          Settings.
        </p>
      </div>
      <GovernanceForm governance={governance} />
      <AccessRequests requests={requests} />
      <section
        className="space-y-2 rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200"
        aria-label="MCP usage"
      >
        <h2 className="font-semibold">Usage in the last 30 days</h2>
        <UsageTable title="Client" rows={usage.by_client.map((r) => ({ name: r.client, ...r }))} />
        <UsageTable title="Tool" rows={usage.by_tool.map((r) => ({ name: r.tool, ...r }))} />
      </section>
    </div>
  );
}

function UsageTable({
  title,
  rows,
}: {
  title: string;
  rows: { name: string; calls: number; errors: number; p95_ms: number | null }[];
}) {
  if (rows.length === 0) return <p className="text-slate-500">No MCP calls by {title.toLowerCase()} yet.</p>;
  return (
    <table className="w-full" data-testid={`usage-by-${title.toLowerCase()}`}>
      <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th className="py-1">{title}</th>
          <th className="py-1">Calls</th>
          <th className="py-1">Errors</th>
          <th className="py-1">p95 latency</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={`${r.name}:${i}`}>
            <td className="py-1">{r.name}</td>
            <td className="py-1">{r.calls.toLocaleString("en")}</td>
            <td className="py-1">{r.errors.toLocaleString("en")}</td>
            <td className="py-1">{r.p95_ms === null ? "—" : `${r.p95_ms} ms`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
