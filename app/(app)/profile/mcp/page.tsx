import type { Metadata } from "next";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { mcpUrl } from "@/lib/mcp/urls";
import { listCredentials } from "@/lib/services/credentials/list-credentials";
import { listAuthorizedApps } from "@/lib/services/oauth/list-authorized-apps";
import { listGrantIds } from "@/lib/services/oauth/list-grant-ids";
import { getWorkspaceSettings } from "@/lib/services/workspaces/get-workspace-settings";
import { MAX_PERSONAL_TOKENS } from "@/lib/validations/credentials";
import { ConnectClient } from "@/components/mcp/connect-client";
import { LimitsTable } from "@/components/mcp/limits-table";
import { UsageChart } from "@/components/mcp/usage-chart";
import { identityOf, rateLimitStatus } from "@/lib/rate-limit/limiter";
import { limitsFor } from "@/lib/rate-limit/policies";
import { getMonthlyBudget } from "@/lib/services/governance/get-monthly-budget";
import { getUsage } from "@/lib/rate-limit/usage";
import { CopyButton } from "@/components/mcp/copy-button";
import { AuthorizedApps } from "@/components/mcp/authorized-apps";
import { McpProfileClient } from "./page-client";
import { revokeAppAction } from "./actions";

export const metadata: Metadata = { title: "MCP Integration" };

export default async function McpProfilePage() {
  const { ctx, user } = await requireWorkspaceSession("agent", "/profile/mcp");
  const [tokens, apps] = await Promise.all([
    listCredentials(ctx, { kind: "personal_token", userId: user.id, includeRevoked: true }),
    listAuthorizedApps(ctx, { userId: user.id }),
  ]);
  const grantIds = await listGrantIds(ctx, { userId: user.id });
  const workspace = await getWorkspaceSettings(ctx);
  const [usage, windows] = await Promise.all([
    getUsage(ctx.workspaceId, [...tokens.map((t) => t.id), ...grantIds]),
    rateLimitStatus({
      identity: identityOf({ userId: user.id }),
      limits: limitsFor(workspace.planTier, workspace.rateLimitOverrides),
      monthlyBudget: await getMonthlyBudget(ctx),
    }),
  ]);
  const url = mcpUrl();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">MCP Integration</h1>
        <p className="text-sm text-slate-600">
          Connect Claude, Cursor, VS Code or any MCP client to this workspace. Everything they do runs as you, with your
          role, and shows in ticket history under your name.
        </p>
      </div>
      <dl className="grid gap-3 rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200 md:grid-cols-3">
        <div>
          <dt className="text-slate-500">MCP server URL</dt>
          <dd className="mt-1 flex items-center gap-2">
            <code data-testid="mcp-url">{url}</code>
            <CopyButton text={url} />
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Transport</dt>
          <dd className="mt-1">Streamable HTTP</dd>
        </div>
        <div>
          <dt className="text-slate-500">Authentication</dt>
          <dd className="mt-1">Bearer token, or OAuth 2.1 (Authorization Code + PKCE)</dd>
        </div>
      </dl>
      <McpProfileClient tokens={tokens} limit={MAX_PERSONAL_TOKENS} />
      <AuthorizedApps apps={apps} revokeAction={revokeAppAction} />
      <UsageChart data={usage} title="Your MCP usage" />
      <LimitsTable
        plan={workspace.planTier}
        windows={windows}
        note="Your tokens and apps share these limits; every answer carries X-RateLimit headers for the tightest window."
      />
      <ConnectClient url={url} />
    </div>
  );
}
