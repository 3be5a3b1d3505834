import type { Metadata } from "next";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { SCOPE_FAMILIES } from "@/lib/auth/scopes";
import { mcpUrl } from "@/lib/mcp/urls";
import { listCredentials } from "@/lib/services/credentials/list-credentials";
import { ConnectClient } from "@/components/mcp/connect-client";
import { ApiAccessClient } from "./page-client";

export const metadata: Metadata = { title: "API Access" };

export default async function ApiAccessPage() {
  const { ctx } = await requireWorkspaceSession("admin", "/settings/api-access");
  const keys = await listCredentials(ctx, { kind: "workspace_key", includeRevoked: true });
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
      <ApiAccessClient keys={keys} families={families} />
      <ConnectClient url={mcpUrl()} />
    </div>
  );
}
