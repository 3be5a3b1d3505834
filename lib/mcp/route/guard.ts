import "server-only";
import { getEnv } from "@/lib/env";
import { jsonRpcError, type Step } from "@/lib/mcp/route/step";

// The MCP route's first step: the DNS-rebinding guard, and the CORS headers every answer carries.

const EXPOSED_HEADERS =
  "WWW-Authenticate, Mcp-Session-Id, MCP-Protocol-Version, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset";
const ALLOWED_HEADERS =
  "Authorization, Content-Type, Accept, MCP-Protocol-Version, Mcp-Session-Id, Mcp-Method, Mcp-Name, Last-Event-ID, X-MCP-Toolsets, X-MCP-Readonly";

function loopback(hostname: string) {
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]" || hostname === "::1";
}

function originAllowed(origin: string): boolean {
  const { APP_URL, MCP_ALLOWED_ORIGINS } = getEnv();
  const app = new URL(APP_URL);
  if (origin === app.origin) return true;
  // A local install accepts local pages on any port (the DNS-rebinding attack comes from other hosts).
  if (loopback(app.hostname)) {
    try {
      if (loopback(new URL(origin).hostname)) return true;
    } catch {
      return false;
    }
  }
  return MCP_ALLOWED_ORIGINS.includes("*") || MCP_ALLOWED_ORIGINS.includes(origin);
}

/** The Host must be ours; a browser Origin must be ours or allowed. Goes on with the CORS headers of the answer. */
export function guardRequest(request: Request): Step<{ cors: Record<string, string> }> {
  const app = new URL(getEnv().APP_URL);
  const host = request.headers.get("host");
  if (host) {
    const [hostname, port = app.protocol === "https:" ? "443" : "80"] = host.startsWith("[")
      ? [host.slice(0, host.indexOf("]") + 1), host.split("]:")[1]]
      : host.split(":");
    const appPort = app.port || (app.protocol === "https:" ? "443" : "80");
    const sameHost = hostname === app.hostname || (loopback(app.hostname) && loopback(hostname!));
    if (!sameHost || port !== appPort)
      return { ok: false, response: jsonRpcError(403, -32600, `Host ${host} is not served here.`) };
  }
  const origin = request.headers.get("origin");
  if (origin && !originAllowed(origin))
    return { ok: false, response: jsonRpcError(403, -32600, `Origin ${origin} is not allowed.`) };
  return { ok: true, cors: corsHeaders(request) };
}

export function corsHeaders(request: Request): Record<string, string> {
  const origin = request.headers.get("origin");
  return {
    ...(origin && originAllowed(origin) ? { "Access-Control-Allow-Origin": origin, Vary: "Origin" } : {}),
    "Access-Control-Expose-Headers": EXPOSED_HEADERS,
  };
}

export function preflight(request: Request): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...corsHeaders(request),
      "Access-Control-Allow-Methods": "POST, GET, DELETE, OPTIONS",
      "Access-Control-Allow-Headers": ALLOWED_HEADERS,
      "Access-Control-Max-Age": "86400",
    },
  });
}

/** GET and DELETE: the endpoint is stateless, so there is no stream or session to open or end. */
export function methodNotAllowed(request: Request): Response {
  return new Response(
    JSON.stringify({
      jsonrpc: "2.0",
      id: null,
      error: { code: -32000, message: "Method not allowed: this endpoint is stateless; POST JSON-RPC messages." },
    }),
    {
      status: 405,
      headers: { Allow: "POST, OPTIONS", "Content-Type": "application/json", ...corsHeaders(request) },
    },
  );
}
