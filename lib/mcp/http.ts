import "server-only";
import {
  createMcpHandler,
  isJsonContentType,
  isLegacyRequest,
  ProtocolError,
  SUPPORTED_PROTOCOL_VERSIONS,
  WebStandardStreamableHTTPServerTransport,
} from "@modelcontextprotocol/server";
import { verifyBearer } from "@/lib/credentials/verify-bearer";
import { getEnv } from "@/lib/env";
import { toAppError } from "@/lib/errors";
import { buildMcpServer, callTool, toAuthInfo, type McpAuth } from "@/lib/mcp/server";
import { mcpUrl, resourceMetadataUrl } from "@/lib/mcp/urls";
import { checkRateLimit, identityOf, rateLimitedResponse, type RateLimitDecision } from "@/lib/rate-limit/limiter";
import { limitsFor } from "@/lib/rate-limit/policies";
import { recordUsage } from "@/lib/rate-limit/usage";
import { clientIp } from "@/lib/rate-limit/client-ip";

const MAX_BODY_BYTES = 1_048_576;
const EXPOSED_HEADERS =
  "WWW-Authenticate, Mcp-Session-Id, MCP-Protocol-Version, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset";
const ALLOWED_HEADERS =
  "Authorization, Content-Type, Accept, MCP-Protocol-Version, Mcp-Session-Id, Mcp-Method, Mcp-Name, Last-Event-ID";
const SCOPE_HINT = "mcp:read mcp:write";

// The 2026-07-28 revision is served by the SDK's handler (created once); the
// 2025 revisions by a stateless transport per request that answers plain JSON.
const modernHandler = createMcpHandler(() => buildMcpServer(), {
  legacy: "reject",
  responseMode: "json",
  maxRequestBodySize: MAX_BODY_BYTES,
});

function loopback(hostname: string) {
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]" || hostname === "::1";
}

/** DNS-rebinding guard: the Host must be ours; a browser Origin must be ours or allowed. */
function checkHostAndOrigin(request: Request): Response | null {
  const app = new URL(getEnv().APP_URL);
  const host = request.headers.get("host");
  if (host) {
    const [hostname, port = app.protocol === "https:" ? "443" : "80"] = host.startsWith("[")
      ? [host.slice(0, host.indexOf("]") + 1), host.split("]:")[1]]
      : host.split(":");
    const appPort = app.port || (app.protocol === "https:" ? "443" : "80");
    const sameHost = hostname === app.hostname || (loopback(app.hostname) && loopback(hostname!));
    if (!sameHost || port !== appPort) return jsonRpcError(403, -32600, `Host ${host} is not served here.`);
  }
  const origin = request.headers.get("origin");
  if (origin && !originAllowed(origin)) return jsonRpcError(403, -32600, `Origin ${origin} is not allowed.`);
  return null;
}

function originAllowed(origin: string): boolean {
  const app = new URL(getEnv().APP_URL);
  if (origin === app.origin) return true;
  // A local install accepts local pages on any port (the DNS-rebinding attack comes from other hosts).
  if (loopback(app.hostname)) {
    try {
      if (loopback(new URL(origin).hostname)) return true;
    } catch {
      return false;
    }
  }
  const extra = getEnv().MCP_ALLOWED_ORIGINS;
  return extra.includes("*") || extra.includes(origin);
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

function jsonRpcError(status: number, code: number, message: string): Response {
  return Response.json({ jsonrpc: "2.0", id: null, error: { code, message } }, { status });
}

function challenge(error: string | null, description: string | null): string {
  const parts = [`resource_metadata="${resourceMetadataUrl()}"`];
  if (error) parts.push(`error="${error}"`);
  if (description) parts.push(`error_description="${description}"`);
  parts.push(`scope="${SCOPE_HINT}"`);
  return `Bearer ${parts.join(", ")}`;
}

/** The 401s of the contract: missing header, invalid token, expired token. */
export function unauthorized(kind: "missing" | "invalid" | "expired"): Response {
  const body =
    kind === "missing"
      ? { error: "unauthorized", error_description: "missing or invalid Authorization header" }
      : kind === "invalid"
        ? { error: "invalid_token", error_description: "The access token is invalid." }
        : {
            error: "invalid_token",
            error_description: "The access token has expired. Refresh it (OAuth) or rotate the API key.",
          };
  return Response.json(body, {
    status: 401,
    headers: {
      "WWW-Authenticate": challenge(
        kind === "missing" ? null : "invalid_token",
        kind === "missing" ? null : body.error_description,
      ),
      "Cache-Control": "no-store",
    },
  });
}

/** Reads the bearer: only from the Authorization header, never the query string. */
function bearerOf(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header ? /^Bearer[ ]+([^\s]+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

export async function handleMcpPost(request: Request): Promise<Response> {
  const refused = checkHostAndOrigin(request);
  if (refused) return refused;
  const url = new URL(request.url);
  if (url.searchParams.has("access_token") || url.searchParams.has("token")) {
    return Response.json(
      { error: "invalid_request", error_description: "Access tokens are accepted only in the Authorization header." },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
  const token = bearerOf(request);
  if (!token) return unauthorized("missing");

  try {
    const resource = mcpUrl();
    const ip = clientIp(request);
    const verified = await verifyBearer(token, { resource, ip });
    if (!verified.ok) return unauthorized(verified.reason);
    const auth: McpAuth = { credential: verified.credential, ip };
    const limit = await limitCaller(auth);
    if (limit && !limit.allowed) {
      recordUsage(auth.credential.workspaceId, auth.credential.id, "rate_limited");
      return rateLimitedResponse(limit, corsHeaders(request));
    }

    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > MAX_BODY_BYTES)
      return jsonRpcError(413, -32600, `Request body is larger than ${MAX_BODY_BYTES} bytes.`);
    const text = await request.text();
    if (Buffer.byteLength(text) > MAX_BODY_BYTES)
      return jsonRpcError(413, -32600, `Request body is larger than ${MAX_BODY_BYTES} bytes.`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return jsonRpcError(400, -32700, "Parse error: the body is not valid JSON.");
    }
    // The body is parsed once; the SDK gets it as parsedBody and a copy of the request only when it serves the call.
    const legacy = await isLegacyRequest(request, body);
    let response = legacy ? await directToolCall(request, body, auth) : null;
    if (!response) {
      const replay = new Request(request.url, { method: "POST", headers: request.headers, body: text });
      const authInfo = toAuthInfo(auth, token, resource);
      response = legacy
        ? await serveLegacy(replay, body, authInfo)
        : await modernHandler.fetch(replay, { authInfo, parsedBody: body });
    }
    recordUsage(
      auth.credential.workspaceId,
      auth.credential.id,
      auth.failed || response.status >= 500 ? "error" : "ok",
    );
    return withHeaders(response, { ...corsHeaders(request), ...(limit?.headers ?? {}) });
  } catch (error) {
    const appError = toAppError(error);
    const status = appError.code === "unavailable" ? 503 : 500;
    return jsonRpcError(status, -32603, appError.message);
  }
}

let limiterFailed = false;

/** The caller's limits: per user, else per workspace for org-level keys; OAuth also shares a workspace ceiling. */
async function limitCaller(auth: McpAuth): Promise<RateLimitDecision | null> {
  // Operators may switch limits off (the benchmark compares both in one run).
  if (getEnv().RATE_LIMITS === "off") return null;
  const { credential } = auth;
  try {
    const decision = await checkRateLimit({
      identity: identityOf({
        userId: credential.userId,
        orgWorkspaceId: credential.orgLevel ? credential.workspaceId : null,
        ip: auth.ip,
      }),
      limits: limitsFor(credential.planTier, credential.rateLimitOverrides),
      oauthWorkspaceId: credential.kind === "oauth" ? credential.workspaceId : undefined,
    });
    limiterFailed = false;
    return decision;
  } catch (error) {
    // The limiter fails open: availability first during an incident.
    if (!limiterFailed)
      console.warn(
        "[deskbridge] rate limiter failed, allowing requests:",
        error instanceof Error ? error.message : error,
      );
    limiterFailed = true;
    return null;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const TOOLS_CALL_PARAMS = new Set(["name", "arguments", "_meta"]);

/**
 * A 2025-revision request that is one tools/call, answered without building a
 * server and a transport for it: the transport's checks (Accept,
 * Content-Type, protocol version, JSON-RPC shape) and then callTool, framed
 * as the transport frames a JSON answer. Anything else (batches,
 * notifications, other methods, any doubt) returns null and goes through the SDK.
 */
async function directToolCall(request: Request, body: unknown, auth: McpAuth): Promise<Response | null> {
  if (!isRecord(body) || body.jsonrpc !== "2.0" || body.method !== "tools/call") return null;
  const { id, params } = body;
  if (typeof id !== "string" && !Number.isSafeInteger(id)) return null;
  if (!isRecord(params) || typeof params.name !== "string") return null;
  if (params.arguments !== undefined && !isRecord(params.arguments)) return null;
  if (Object.keys(params).some((key) => !TOOLS_CALL_PARAMS.has(key))) return null;
  const accept = request.headers.get("accept");
  if (!accept?.includes("application/json") || !accept.includes("text/event-stream")) return null;
  if (!isJsonContentType(request.headers.get("content-type"))) return null;
  const version = request.headers.get("mcp-protocol-version");
  if (version !== null && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) return null;
  try {
    const result = await callTool(auth, params.name, params.arguments);
    return Response.json({ result, jsonrpc: "2.0", id });
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    return Response.json({ jsonrpc: "2.0", id, error: { code: error.code, message: error.message } });
  }
}

async function serveLegacy(
  request: Request,
  body: unknown,
  authInfo: ReturnType<typeof toAuthInfo>,
): Promise<Response> {
  const server = buildMcpServer();
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
    maxRequestBodySize: MAX_BODY_BYTES,
  });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request, { authInfo, parsedBody: body });
  } finally {
    await server.close();
  }
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [key, value] of Object.entries(headers)) response.headers.set(key, value);
  return response;
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
