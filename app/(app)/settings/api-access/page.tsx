import type { Metadata } from "next";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { SCOPE_FAMILIES } from "@/lib/auth/scopes";
import { describeToolset, TOOLSET_NAMES } from "@/lib/auth/toolsets";
import { mcpUrl } from "@/lib/mcp/urls";
import { listCredentials } from "@/lib/services/credentials/list-credentials";
import { getWorkspaceSettings } from "@/lib/services/workspaces/get-workspace-settings";
import { ConnectClient } from "@/components/mcp/connect-client";
import { LimitsTable } from "@/components/mcp/limits-table";
import { UsageChart } from "@/components/mcp/usage-chart";
import { identityOf, rateLimitStatus } from "@/lib/rate-limit/limiter";
import { limitsFor } from "@/lib/rate-limit/policies";
import { getMonthlyBudget } from "@/lib/services/governance/get-monthly-budget";
import { getUsage, WORKSPACE_SUBJECT } from "@/lib/rate-limit/usage";
import { McpSafetyForm } from "./mcp-safety-form";
import { ApiAccessClient } from "./page-client";

export const metadata: Metadata = { title: "API Access" };

export default async function ApiAccessPage() {
  const { ctx, role } = await requireWorkspaceSession("admin", "/settings/api-access");
  const keys = await listCredentials(ctx, { kind: "workspace_key", includeRevoked: true });
  const workspace = await getWorkspaceSettings(ctx);
  const [usage, windows] = await Promise.all([
    getUsage(ctx.workspaceId, [WORKSPACE_SUBJECT]),
    rateLimitStatus({
      identity: identityOf({ userId: null, orgWorkspaceId: ctx.workspaceId }),
      limits: limitsFor(workspace.planTier, workspace.rateLimitOverrides),
      monthlyBudget: await getMonthlyBudget(ctx),
    }),
  ]);
  const families = Object.entries(SCOPE_FAMILIES).map(([family, entry]) => ({
    family,
    label: entry.label,
    read: entry.read,
    write: "write" in entry ? entry.write : null,
  }));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">API Access</h1>
        <p className="text-sm text-slate-600">
          Workspace API keys for servers, scripts and MCP clients you configure once. Send one as{" "}
          <code>Authorization: Bearer …</code> to <code>{mcpUrl()}</code>.
        </p>
      </div>
      <ApiAccessClient
        keys={keys}
        families={families}
        toolsets={TOOLSET_NAMES.map((name) => ({ name, holds: describeToolset(name) }))}
      />
      <McpSafetyForm
        repliesAsDrafts={workspace.mcpRepliesAsDrafts}
        lockdown={workspace.mcpLockdown}
        canEdit={role === "owner"}
      />
      <UsageChart data={usage} title="Workspace MCP usage" />
      <LimitsTable
        plan={workspace.planTier}
        windows={windows}
        note="Org-level keys share these windows; user-bound keys and tokens count against their user. Owners set overrides in Settings."
      />
      <ConnectClient url={mcpUrl()} />
    </div>
  );
}
