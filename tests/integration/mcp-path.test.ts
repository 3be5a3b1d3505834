// Which path answers: the fast path for a lone tools/call or tools/list, or the SDK. An app in benchmark mode
// (BENCH_ROUTES=1) names it in X-Deskbridge-Path; the app the other tests use never does.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server.mjs";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { rpc } from "../support/mcp-client";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";

let ws: TestWorkspace;
let token: string;
let app: Awaited<ReturnType<typeof startAppServer>>;

beforeAll(async () => {
  ws = await createTestWorkspace("path");
  token = (await createPersonalToken(ws.agent)).secret;
  app = await startAppServer({
    databaseUrl: inject("databaseUrl"),
    env: { BENCH_ROUTES: "1", DATABASE_POOL_MAX: "2" },
  });
});

afterAll(async () => {
  await app?.stop();
});

const call = (name: string, args: unknown, id: number | string = 1) => ({
  jsonrpc: "2.0",
  id,
  method: "tools/call",
  params: { name, arguments: args },
});

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.baseUrl}/api/v1/mcp`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json, text/event-stream",
      Authorization: `Bearer ${token}`,
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, path: response.headers.get("x-deskbridge-path"), json: await response.json() };
}

describe("the path that answers", () => {
  it("a lone 2025 tools/call or tools/list takes the fast path, and answers as the SDK does", async () => {
    for (const body of [
      call("get_ticket", { ticket: ws.tickets[0]!.ticket }),
      call("get_ticket", { ticket: 999_999 }, "text-id"),
      call("drop_database", {}),
      { jsonrpc: "2.0", id: 3, method: "tools/list", params: {} },
      { jsonrpc: "2.0", id: "list", method: "tools/list" },
    ]) {
      const direct = await post(body, { "MCP-Protocol-Version": "2025-06-18" });
      const sdk = await post(body, { "MCP-Protocol-Version": "2025-06-18", "X-Deskbridge-Path": "sdk" });
      expect([direct.path, sdk.path]).toEqual(["direct", "sdk"]);
      expect(direct.status).toBe(sdk.status);
      expect(direct.json).toEqual(sdk.json);
    }
  });

  it("everything else goes to the SDK: batches, other methods, the 2026-07-28 revision, any doubt", async () => {
    const lone = call("get_ticket", { ticket: ws.tickets[0]!.ticket });
    expect((await post([lone])).path).toBe("sdk");
    expect((await post({ jsonrpc: "2.0", id: 1, method: "tools/list", params: { cursor: "x" } })).path).toBe("sdk");
    expect((await post({ jsonrpc: "2.0", id: 1, method: "ping" })).path).toBe("sdk");
    expect((await post({ ...lone, params: { ...lone.params, extra: true } })).path).toBe("sdk");
    const wrongAccept = await post(lone, { Accept: "application/json" });
    expect([wrongAccept.status, wrongAccept.path]).toEqual([406, "sdk"]);
    const modern = await post(
      {
        ...lone,
        params: {
          ...lone.params,
          _meta: {
            "io.modelcontextprotocol/protocolVersion": "2026-07-28",
            "io.modelcontextprotocol/clientCapabilities": {},
          },
        },
      },
      { "MCP-Protocol-Version": "2026-07-28", "Mcp-Method": "tools/call", "Mcp-Name": "get_ticket" },
    );
    expect([modern.status, modern.path]).toEqual([200, "sdk"]);
    expect(modern.json.result.structuredContent.number).toBe(ws.tickets[0]!.ticket);
  });

  it("outside benchmark mode the path is not named", async () => {
    const res = await rpc(call("get_ticket", { ticket: ws.tickets[0]!.ticket }), { token });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-deskbridge-path")).toBeNull();
  });
});
