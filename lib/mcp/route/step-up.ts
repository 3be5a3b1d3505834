import "server-only";
import { normalizeScopes } from "@/lib/auth/scopes";
import { enqueueAudit } from "@/lib/mcp/audit-buffer";
import { stepUpScopesFor } from "@/lib/mcp/permissions";
import { bearerChallenge } from "@/lib/mcp/route/authenticate";
import { actorOf, callerOf, type McpAuth } from "@/lib/mcp/server";
import { TOOLS_BY_NAME } from "@/lib/mcp/tools";
import { checkSurface, type Surface } from "@/lib/mcp/toolsets";
import { auditRow } from "@/lib/services/audit/record-audit";

// The step-up rule of the MCP authorization revisions (2025-11-25 and 2026-07-28, "scope challenge"):
// an OAuth caller that calls a tool its role allows but its grant does not gets HTTP 403
// insufficient_scope naming every scope to ask for (those it holds and those the tool needs), so its
// client re-authorizes with them and retries. Keys and personal tokens cannot ask for more scopes, so
// they keep the 200 + isError refusal that the server answers for the same call.

type ToolCallMessage = { method: "tools/call"; params: { name: string } };

function isToolCall(message: unknown): message is ToolCallMessage {
  if (!message || typeof message !== "object") return false;
  const { method, params } = message as { method?: unknown; params?: { name?: unknown } };
  return method === "tools/call" && typeof params?.name === "string";
}

/** The 403 challenge for the first tool call in the body that the caller could make after stepping up; else null. */
export function stepUpChallenge(
  body: unknown,
  auth: McpAuth,
  surface: Surface,
  endpoint: { readonly: boolean },
): Response | null {
  const caller = callerOf(auth.credential);
  if (!caller.canStepUp) return null;
  for (const message of Array.isArray(body) ? body : [body]) {
    if (!isToolCall(message)) continue;
    const tool = TOOLS_BY_NAME.get(message.params.name);
    // A tool the connection's surface hides is refused by the server as it is for every credential.
    if (!tool || checkSurface(tool, surface)) continue;
    const missing = stepUpScopesFor(tool, caller);
    if (!missing) continue;
    const scope = normalizeScopes([...auth.credential.scopes, ...missing]).join(" ");
    const description = `${tool.name} needs the ${missing.join(" and ")} scope${missing.length > 1 ? "s" : ""}: authorize again with ${scope}.`;
    enqueueAudit(auditRow(actorOf(auth), { action: tool.name, outcome: "insufficient_scope", latencyMs: 0 }));
    return Response.json(
      { error: "insufficient_scope", error_description: description, scope, required_scope: missing.join(" ") },
      {
        status: 403,
        headers: {
          "WWW-Authenticate": bearerChallenge({
            error: "insufficient_scope",
            description,
            scope,
            readonly: endpoint.readonly,
          }),
          "Cache-Control": "no-store",
        },
      },
    );
  }
  return null;
}
