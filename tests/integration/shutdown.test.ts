// A server asked to stop writes what it still holds in memory before it exits: the audit row and
// the usage count of a tool call answered just before SIGTERM are in the database afterwards.
import { inject } from "vitest";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { startAppServer } from "../support/app-server.mjs";
import { prisma } from "@/lib/db";
import { createApiKey } from "@/lib/services/credentials/create-api-key";

let ws: TestWorkspace;
beforeAll(async () => {
  ws = await createTestWorkspace("stop");
});

describe("shutdown", () => {
  it("keeps the audit row and usage count of a call made just before SIGTERM", async () => {
    const key = await createApiKey(ws.admin, { name: "last-call", scopes: ["mcp:read"], org_level: false });
    const app = await startAppServer({ databaseUrl: inject("databaseUrl"), env: { DATABASE_POOL_MAX: "2" } });
    try {
      const response = await fetch(`${app.baseUrl}/api/v1/mcp`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json, text/event-stream",
          Authorization: `Bearer ${key.secret}`,
        },
        body: JSON.stringify({
          jsonrpc: "2.0",
          id: 1,
          method: "tools/call",
          params: { name: "get_me", arguments: {} },
        }),
      });
      expect(response.status).toBe(200);
      await response.text();
    } finally {
      // SIGTERM at once: well inside the buffers' flush intervals.
      await app.stop();
    }
    expect(app.output()).not.toMatch(/shutdown step .* failed/);

    const audit = await prisma.auditEvent.findMany({ where: { credentialId: key.id }, select: { action: true } });
    expect(audit.map((row) => row.action)).toEqual(["get_me"]);
    const usage = await prisma.usageDaily.findMany({ where: { subject: key.id }, select: { calls: true } });
    expect(usage.map((row) => row.calls)).toEqual([1]);
  });
});
