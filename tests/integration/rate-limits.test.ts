// Limits on the MCP route, through the real HTTP route and the app's store
// (in-process memory, or Redis when the suite runs with REDIS_URL).
import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { baseUrl, rpc, toolBody } from "../support/mcp-client";
import { prisma } from "@/lib/db";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { Agent, fetch as undiciFetch } from "undici";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { TOKEN_ENDPOINT_FAILURES_PER_MINUTE, TOKEN_ENDPOINT_LIMITS } from "@/lib/rate-limit/policies";

const LIST = { jsonrpc: "2.0", id: 1, method: "tools/list", params: {} };
let ws: TestWorkspace;

async function setLimits(overrides: Record<string, number>) {
  await prisma.workspace.update({ where: { id: ws.workspace.id }, data: { rateLimitOverrides: overrides } });
}

beforeAll(async () => {
  ws = await createTestWorkspace("limits");
});

describe("rate limits on the MCP route", () => {
  it("every answer carries the X-RateLimit headers of the tightest window", async () => {
    await setLimits({ perSecond: 1000, perMinute: 5 });
    const token = (await createPersonalToken(ws.agent)).secret;
    const res = await rpc(LIST, { token });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-ratelimit-limit")).toBe("5");
    expect(Number(res.headers.get("x-ratelimit-remaining"))).toBe(4);
    expect(Number(res.headers.get("x-ratelimit-reset"))).toBeGreaterThan(0);
  });

  it("past the burst: 429 with Retry-After and the contract's body, per user", async () => {
    await setLimits({ perSecond: 3 });
    const token = (await createPersonalToken(ws.agent2)).secret;
    const answers = await Promise.all(Array.from({ length: 8 }, () => rpc(LIST, { token })));
    const refused = answers.filter((a) => a.status === 429);
    expect(answers.filter((a) => a.status === 200).length).toBeLessThanOrEqual(3);
    expect(refused.length).toBeGreaterThanOrEqual(5);
    expect(refused[0]!.json).toEqual({ error: "rate limit exceeded", retry_after: "1 s", limit_type: "second" });
    expect(refused[0]!.headers.get("retry-after")).toBe("1");
    expect(refused[0]!.headers.get("x-ratelimit-remaining")).toBe("0");
  });

  it("org-level keys of a workspace share one identity, and the day window refuses with limit_type day", async () => {
    await setLimits({ perDay: 3 });
    const a = (await createApiKey(ws.admin, { name: "a", org_level: true })).secret;
    const b = (await createApiKey(ws.admin, { name: "b", org_level: true })).secret;
    const statuses = [];
    for (const token of [a, b, a]) statuses.push((await rpc(LIST, { token })).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await rpc(LIST, { token: b });
    expect(refused.status).toBe(429);
    expect(refused.json?.limit_type).toBe("day");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3_600);
  });
});

describe("usage", () => {
  it("counts calls, errors and 429s per credential and for the workspace, per day", async () => {
    await setLimits({ perSecond: 2 });
    const token = await createPersonalToken(ws.owner);
    const call = (name: string, args: unknown) =>
      rpc({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: args } }, { token: token.secret });
    expect((await call("get_ticket", { ticket: ws.tickets[0]!.ticket })).status).toBe(200);
    expect(toolBody((await call("get_ticket", { ticket: 999_999 })).json?.result).error).toBe("not_found");
    const burst = await Promise.all([call("list_tags", {}), call("list_tags", {}), call("list_tags", {})]);
    const limited = burst.filter((r) => r.status === 429).length;
    expect(limited).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1_500));
    const row = await prisma.usageDaily.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, subject: token.id },
    });
    expect(row).toMatchObject({ calls: 5, errors: 1, rateLimited: limited });
    const total = await prisma.usageDaily.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, subject: "workspace" },
    });
    expect(total.calls).toBeGreaterThanOrEqual(5);
  });
});

describe("the token endpoint", () => {
  it("is limited per client IP, with the same 429 contract, however X-Forwarded-For rotates", async () => {
    // From a loopback address of its own, so the failures it piles up count against no other test.
    const from = new Agent({ localAddress: "127.0.0.2" });
    const url = new URL("/api/oauth/token", baseUrl());
    url.hostname = "127.0.0.1";
    const attempt = (i: number) =>
      undiciFetch(url, {
        dispatcher: from,
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": `198.51.100.${i + 1}` },
        body: new URLSearchParams({ grant_type: "refresh_token", client_id: "dbcl_unknown", refresh_token: "x" }),
      });
    // Bursts of 40 until one is refused: on a busy machine a burst can straddle two seconds and the
    // failures it piles up are counted as they answer, so a second burst may be the one refused.
    const answers: Awaited<ReturnType<typeof attempt>>[] = [];
    for (let burst = 0; burst < 3 && !answers.some((a) => a.status === 429); burst++)
      answers.push(...(await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(burst * 40 + i)))));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    // The burst refuses; so does the failure window if earlier tests' failures filled it this minute.
    expect(await limited[0]!.json()).toMatchObject({
      error: "rate limit exceeded",
      limit_type: expect.stringMatching(/^(second|minute)$/),
    });
    expect(limited[0]!.headers.get("retry-after")).toMatch(/^\d+$/);
    // Past the minute's failures, nothing more is even checked: at most that many, plus the one
    // second's burst that was checked before any of its failures were counted.
    expect(answers.filter((a) => a.status === 401).length).toBeLessThanOrEqual(
      TOKEN_ENDPOINT_FAILURES_PER_MINUTE + TOKEN_ENDPOINT_LIMITS.perSecond,
    );
  });
});
