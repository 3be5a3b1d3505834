import "server-only";
import { toAppError } from "@/lib/errors";
import { authenticate, confirmCaller } from "@/lib/mcp/route/authenticate";
import { guardRequest } from "@/lib/mcp/route/guard";
import { limitCaller } from "@/lib/mcp/route/limit";
import { governCaller } from "@/lib/mcp/route/govern";
import { readMcpBody, serveMcp } from "@/lib/mcp/route/serve";
import { jsonRpcError } from "@/lib/mcp/route/step";
import { parseSurface } from "@/lib/mcp/toolsets";
import { recordRequest } from "@/lib/mcp/route/usage";

export { methodNotAllowed, preflight } from "@/lib/mcp/route/guard";

export type McpEndpoint = {
  /** /api/v1/mcp/readonly: the same resource, with no write tool listed or callable. */
  readonly: boolean;
};

/**
 * POST /api/v1/mcp (and /readonly): guard → authenticate → surface → body → limit → confirm →
 * governance → the SDK → usage; each step answers or goes on.
 */
export async function handleMcpPost(request: Request, endpoint: McpEndpoint = { readonly: false }): Promise<Response> {
  const guarded = guardRequest(request);
  if (!guarded.ok) return guarded.response;
  try {
    const authenticated = await authenticate(request, endpoint);
    if (!authenticated.ok) return authenticated.response;
    const surface = parseSurface(request, endpoint.readonly);
    if (!surface.ok) return jsonRpcError(400, -32600, surface.message);
    const read = await readMcpBody(request);
    if (!read.ok) return read.response;
    const { authentication, token, ip } = authenticated;
    const limit = await limitCaller(authentication.credential, ip, guarded.cors, read.toolCall);
    // Confirmed before any 429, so a revoked token always gets its 401.
    const confirmed = await confirmCaller(authentication, ip, limit.accessVersion, endpoint);
    if (!confirmed.ok) return confirmed.response;
    const { auth } = confirmed;
    // The owners' switches and the key's allow-list, on the confirmed credential: a change applies at once.
    const governed = governCaller(auth.credential, ip, guarded.cors);
    if (!governed.ok) return governed.response;
    const limited = limit.step;
    if (!limited.ok) {
      recordRequest(auth, "rate_limited");
      return limited.response;
    }
    const served = await serveMcp(request, read.body, auth, token, surface.surface, endpoint);
    if (!served.ok) return served.response;
    const { response, toolFailed } = served;
    recordRequest(auth, toolFailed || response.status >= 500 ? "error" : "ok");
    for (const [name, value] of Object.entries({ ...guarded.cors, ...limited.headers }))
      response.headers.set(name, value);
    return response;
  } catch (error) {
    const appError = toAppError(error);
    return jsonRpcError(appError.code === "unavailable" ? 503 : 500, -32603, appError.message);
  }
}
