import "server-only";
import type { McpAuth } from "@/lib/mcp/server";
import { recordUsage } from "@/lib/rate-limit/usage";

// The MCP route's last step: one count per request for the credential and its workspace.

export type RequestOutcome = "ok" | "error" | "rate_limited";

export function recordRequest(auth: McpAuth, outcome: RequestOutcome) {
  recordUsage(auth.credential.workspaceId, auth.credential.id, outcome);
}
