// What each step of the MCP route (guard → authenticate → limit → serve → usage) returns: go on with
// what the step learned, or the answer that ends the request.
export type Step<T extends object = object> = ({ ok: true } & T) | { ok: false; response: Response };

/** A JSON-RPC error answered before the SDK sees the request (id null: no request id is known yet). */
export function jsonRpcError(status: number, code: number, message: string): Response {
  return Response.json({ jsonrpc: "2.0", id: null, error: { code, message } }, { status });
}
