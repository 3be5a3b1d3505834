import "server-only";
import { isJsonContentType, ProtocolError, SUPPORTED_PROTOCOL_VERSIONS } from "@modelcontextprotocol/server";
import { callTool, serializedToolList, type McpCall } from "@/lib/mcp/server";

// The one fast path of the MCP route: a 2025-revision request that is one tools/call or one
// tools/list is answered without building a server and a transport for it (tools/list from its
// serialized form, cached per caller shape). It earns its place by figure: bench:mcp serves the same
// requests through it and through the SDK in one run (X-Deskbridge-Path: sdk) and prints the ratio;
// tests/integration/mcp-path.test.ts proves which path served each kind of request and that both
// answer alike.

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const TOOLS_CALL_PARAMS = new Set(["name", "arguments", "_meta"]);

/** The request's id when it is one tools/call or tools/list the fast path answers exactly as the transport would. */
function loneRequestId(request: Request, body: unknown): string | number | null {
  if (!isRecord(body) || body.jsonrpc !== "2.0") return null;
  const { id, method, params } = body;
  if (typeof id !== "string" && !Number.isSafeInteger(id)) return null;
  if (method === "tools/call") {
    if (!isRecord(params) || typeof params.name !== "string") return null;
    if (params.arguments !== undefined && !isRecord(params.arguments)) return null;
    if (Object.keys(params).some((key) => !TOOLS_CALL_PARAMS.has(key))) return null;
  } else if (method === "tools/list") {
    if (params !== undefined && !(isRecord(params) && Object.keys(params).length === 0)) return null;
  } else return null;
  const accept = request.headers.get("accept");
  if (!accept?.includes("application/json") || !accept.includes("text/event-stream")) return null;
  if (!isJsonContentType(request.headers.get("content-type"))) return null;
  const version = request.headers.get("mcp-protocol-version");
  if (version !== null && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) return null;
  return id as string | number;
}

/**
 * The transport's checks (Accept, Content-Type, protocol version, JSON-RPC shape), then the answer,
 * framed as the transport frames a JSON answer. Anything else (batches, notifications, other
 * methods, paging, any doubt) is null and goes to the SDK.
 */
export async function answerLoneRequest(request: Request, body: unknown, call: McpCall): Promise<Response | null> {
  const id = loneRequestId(request, body);
  if (id === null) return null;
  const { method, params } = body as { method: string; params?: Record<string, unknown> };
  if (method === "tools/list") {
    const text = `{"result":${serializedToolList(call)},"jsonrpc":"2.0","id":${JSON.stringify(id)}}`;
    return new Response(text, { headers: { "Content-Type": "application/json" } });
  }
  try {
    const result = await callTool(call, params!.name as string, params!.arguments);
    return Response.json({ result, jsonrpc: "2.0", id });
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    return Response.json({ jsonrpc: "2.0", id, error: { code: error.code, message: error.message } });
  }
}
