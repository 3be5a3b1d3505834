import "server-only";
import { toAppError } from "@/lib/errors";
import { authenticate } from "@/lib/mcp/route/authenticate";
import { guardRequest } from "@/lib/mcp/route/guard";
import { limitCaller } from "@/lib/mcp/route/limit";
import { serveMcp } from "@/lib/mcp/route/serve";
import { jsonRpcError } from "@/lib/mcp/route/step";
import { recordRequest } from "@/lib/mcp/route/usage";

export { methodNotAllowed, preflight } from "@/lib/mcp/route/guard";

/** POST /api/v1/mcp: guard → authenticate → limit → the SDK → usage; each step answers or goes on. */
export async function handleMcpPost(request: Request): Promise<Response> {
  const guarded = guardRequest(request);
  if (!guarded.ok) return guarded.response;
  try {
    const authenticated = await authenticate(request);
    if (!authenticated.ok) return authenticated.response;
    const { auth, token } = authenticated;
    const limited = await limitCaller(auth, guarded.cors);
    if (!limited.ok) {
      recordRequest(auth, "rate_limited");
      return limited.response;
    }
    const served = await serveMcp(request, auth, token);
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
