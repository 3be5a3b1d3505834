import "server-only";
import {
  createMcpHandler,
  isLegacyRequest,
  readRequestBody,
  WebStandardStreamableHTTPServerTransport,
  type AuthInfo,
} from "@modelcontextprotocol/server";
import { getEnv } from "@/lib/env";
import { answerLoneRequest } from "@/lib/mcp/route/fast-path";
import { buildMcpServer, callOf, type McpAuth, type McpCall } from "@/lib/mcp/server";
import { jsonRpcError, type Step } from "@/lib/mcp/route/step";
import { mcpUrl } from "@/lib/mcp/urls";

// The MCP route's fourth step: the request handed to the SDK, which owns the wire. The 2026-07-28
// revision is served by the SDK's handler (created once); the 2025 revisions, which the SDK's own
// fallback would answer as event streams, by a stateless transport per request that answers plain
// JSON, routed with the SDK's isLegacyRequest as its documentation shows. A lone 2025 tools/call or
// tools/list takes the fast path of fast-path.ts instead.

const MAX_BODY_BYTES = 1_048_576;

const modernHandler = createMcpHandler((ctx) => buildMcpServer(callOf(ctx.authInfo)), {
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
  const server = buildMcpServer(call);
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

/** Which path answered: the SDK, or the fast path for a lone tools/call or tools/list. */
export type ServedBy = "sdk" | "direct";

/**
 * Reads the body once (the SDK gets it parsed) and serves it. Goes on with the answer, the path
 * that gave it and whether a tool call in it was refused or failed; stops on a body too large or
 * not JSON. In benchmark mode (BENCH_ROUTES=1) a request may ask for the SDK path with
 * `X-Deskbridge-Path: sdk`, so one run can time both paths.
 */
export async function serveMcp(
  request: Request,
  auth: McpAuth,
  token: string,
): Promise<Step<{ response: Response; servedBy: ServedBy; toolFailed: boolean }>> {
  const read = await readRequestBody(request, MAX_BODY_BYTES);
  if (read.tooLarge)
    return { ok: false, response: jsonRpcError(413, -32600, `Request body is larger than ${MAX_BODY_BYTES} bytes.`) };
  let body: unknown;
  try {
    body = JSON.parse(read.text);
  } catch {
    return { ok: false, response: jsonRpcError(400, -32700, "Parse error: the body is not valid JSON.") };
  }
  let toolFailed = false;
  const call: McpCall = {
    auth,
    onToolOutcome: (outcome) => {
      if (outcome !== "ok") toolFailed = true;
    },
  };
  const legacy = await isLegacyRequest(request, body, { maxRequestBodySize: MAX_BODY_BYTES });
  const sdkOnly = getEnv().BENCH_ROUTES === "1" && request.headers.get("x-deskbridge-path") === "sdk";
  const direct = legacy && !sdkOnly ? await answerLoneRequest(request, body, call) : null;
  if (direct) return { ok: true, response: direct, servedBy: "direct", toolFailed };
  const authInfo = toAuthInfo(call, token);
  const response = legacy
    ? await serveLegacy(request, body, call, authInfo)
    : await modernHandler.fetch(request, { authInfo, parsedBody: body });
  return { ok: true, response, servedBy: "sdk", toolFailed };
}
