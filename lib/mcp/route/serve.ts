import "server-only";
import {
  createMcpHandler,
  isLegacyRequest,
  readRequestBody,
  WebStandardStreamableHTTPServerTransport,
  type AuthInfo,
} from "@modelcontextprotocol/server";
import { buildMcpServer, callOf, type McpAuth, type McpCall } from "@/lib/mcp/server";
import { jsonRpcError, type Step } from "@/lib/mcp/route/step";
import { stepUpChallenge } from "@/lib/mcp/route/step-up";
import type { Surface } from "@/lib/mcp/toolsets";
import { mcpUrl } from "@/lib/mcp/urls";

// The MCP route's fourth step: the request handed to the SDK, which owns the wire. The 2026-07-28
// revision is served by the SDK's handler (created once); the 2025 revisions, which the SDK's own
// fallback would answer as event streams, by a stateless transport per request that answers plain
// JSON, routed with the SDK's isLegacyRequest as its documentation shows.

// 8 MiB: add_attachment carries a file of up to 5 MB as base64 (about 6.7 MB of text).
const MAX_BODY_BYTES = 8 * 1_048_576;

const modernHandler = createMcpHandler((ctx) => buildMcpServer(callOf(ctx.authInfo), "modern"), {
  legacy: "reject",
  responseMode: "json",
  maxRequestBodySize: MAX_BODY_BYTES,
});

function toAuthInfo(call: McpCall, token: string): AuthInfo {
  const { credential } = call.auth;
  return {
    token,
    clientId: credential.id,
    scopes: credential.scopes,
    expiresAt: credential.expiresAt ? Math.floor(credential.expiresAt.getTime() / 1000) : undefined,
    resource: new URL(mcpUrl()),
    extra: { deskbridge: call },
  };
}

async function serveLegacy(request: Request, body: unknown, call: McpCall, authInfo: AuthInfo): Promise<Response> {
  const server = buildMcpServer(call, "legacy");
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

/**
 * Reads the body once (the SDK gets it parsed, and the limiter learns whether it calls a tool).
 * Stops on a body too large or not JSON.
 */
export async function readMcpBody(request: Request): Promise<Step<{ body: unknown; toolCall: boolean }>> {
  const read = await readRequestBody(request, MAX_BODY_BYTES);
  if (read.tooLarge)
    return { ok: false, response: jsonRpcError(413, -32600, `Request body is larger than ${MAX_BODY_BYTES} bytes.`) };
  let body: unknown;
  try {
    body = JSON.parse(read.text);
  } catch {
    return { ok: false, response: jsonRpcError(400, -32700, "Parse error: the body is not valid JSON.") };
  }
  const messages: unknown[] = Array.isArray(body) ? body : [body];
  const toolCall = messages.some(
    (message) => !!message && typeof message === "object" && (message as { method?: unknown }).method === "tools/call",
  );
  return { ok: true, body, toolCall };
}

/**
 * Serves the parsed body. Goes on with the SDK's answer (or the step-up challenge of an OAuth call
 * beyond its grant) and whether a tool call in it was refused or failed.
 */
export async function serveMcp(
  request: Request,
  body: unknown,
  auth: McpAuth,
  token: string,
  surface: Surface,
  endpoint: { readonly: boolean },
): Promise<Step<{ response: Response; toolFailed: boolean }>> {
  const challenge = stepUpChallenge(body, auth, surface, endpoint);
  if (challenge) return { ok: true, response: challenge, toolFailed: true };
  let toolFailed = false;
  let unavailable = false;
  const call: McpCall = {
    auth,
    surface,
    onToolOutcome: (outcome) => {
      if (outcome !== "ok") toolFailed = true;
      if (outcome === "unavailable") unavailable = true;
    },
  };
  const authInfo = toAuthInfo(call, token);
  const response = (await isLegacyRequest(request, body, { maxRequestBodySize: MAX_BODY_BYTES }))
    ? await serveLegacy(request, body, call, authInfo)
    : await modernHandler.fetch(request, { authInfo, parsedBody: body });
  // The database went away under a tool (the caller was known from the credential cache): the same
  // retryable 503 a request gets when the database is down before it reaches a tool.
  if (unavailable)
    return { ok: false, response: jsonRpcError(503, -32603, "The database is unavailable. Try again shortly.") };
  return { ok: true, response, toolFailed };
}
