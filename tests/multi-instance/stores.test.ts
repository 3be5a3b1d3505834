// Each counter-store backend under the same limiter: Redis (ioredis) and
// Upstash (@upstash/ratelimit over REST, here a stand-in in front of the same Redis).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/app-server.mjs";
import { startUpstashRest } from "../support/upstash-rest.mjs";
import { backoffState, clearFailures, recordFailure } from "@/lib/rate-limit/backoff";
import { checkRateLimit, rateLimitStatus } from "@/lib/rate-limit/limiter";
import { PLAN_LIMITS } from "@/lib/rate-limit/policies";
import { createRedisStore, createUpstashStore, type CounterStore } from "@/lib/rate-limit/store";

const TOKEN = randomBytes(12).toString("hex");
let rest: Awaited<ReturnType<typeof startUpstashRest>>;
const stores: Record<string, () => CounterStore> = {};

beforeAll(async () => {
  rest = await startUpstashRest({ redisUrl: process.env.REDIS_URL!, token: TOKEN, port: 0 });
  stores.redis = () => createRedisStore(process.env.REDIS_URL!);
  stores.upstash = () => createUpstashStore(rest.url, TOKEN);
});
afterAll(async () => {
  await rest.stop();
});

// Upstash's fixed windows follow the clock: start each burst at the top of a
// second, and not in a minute's last two seconds, so that it falls in one
// second window and one minute window.
const freshWindows = () => {
  const now = Date.now();
  const wait = now % 60_000 > 58_000 ? 60_000 - (now % 60_000) : 1_000 - (now % 1_000);
  return new Promise((r) => setTimeout(r, wait + 5));
};

describe.each(["redis", "upstash"])("%s store", (kind) => {
  it("counts across windows, refuses past the burst and reports what is left", async () => {
    const store = stores[kind]!();
    await new Promise((r) => setTimeout(r, 200));
    const identity = `user-${randomBytes(6).toString("hex")}`;
    const limits = { ...PLAN_LIMITS.enterprise, perSecond: 3, perMinute: 100 };
    await freshWindows();
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await checkRateLimit({ identity, limits }, store));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    expect(results[3]).toMatchObject({ window: "second", limit: 3, remaining: 0 });
    const status = await rateLimitStatus({ identity, limits }, store);
    expect(status.find((w) => w.window === "minute")).toMatchObject({ limit: 100, remaining: 97 });
  });

  it("two processes' stores share the count", async () => {
    const [a, b] = [stores[kind]!(), stores[kind]!()];
    await new Promise((r) => setTimeout(r, 200));
    const identity = `user-${randomBytes(6).toString("hex")}`;
    const limits = { ...PLAN_LIMITS.enterprise, perSecond: 4 };
    await freshWindows();
    const allowed = [];
    for (let i = 0; i < 6; i++) allowed.push((await checkRateLimit({ identity, limits }, i % 2 ? a : b)).allowed);
    expect(allowed.filter(Boolean)).toHaveLength(4);
  });

  it("short-lived values are shared by two processes' stores and expire with their TTL", async () => {
    const [a, b] = [stores[kind]!(), stores[kind]!()];
    await new Promise((r) => setTimeout(r, 200));
    const key = `presence:test:${randomBytes(6).toString("hex")}`;
    const value = JSON.stringify({ "12": { state: "viewing", until: Date.now() + 1_000 } });
    await a.setValue(key, value, 1);
    expect(await b.getValues([key, `${key}:none`])).toEqual([value, null]);
    await new Promise((r) => setTimeout(r, 1_300));
    expect(await b.getValues([key])).toEqual([null]);
  });

  it("keeps growing waits after failures, and forgets them on reset", async () => {
    const store = stores[kind]!();
    await new Promise((r) => setTimeout(r, 200));
    const policy = { name: "test-backoff", free: 2, firstWaitS: 30, maxWaitS: 900, memoryS: 3_600 };
    const subject = randomBytes(6).toString("hex");
    await recordFailure(policy, subject, store);
    expect(await backoffState(policy, subject, store)).toEqual({ failures: 1, waitS: 0 });
    await recordFailure(policy, subject, store);
    const waiting = await backoffState(policy, subject, store);
    expect(waiting.failures).toBe(2);
    expect(waiting.waitS).toBeGreaterThan(0);
    await clearFailures(policy, subject, store);
    expect(await backoffState(policy, subject, store)).toEqual({ failures: 0, waitS: 0 });
  });
});

describe("when the store is unreachable", () => {
  it.each(["redis", "upstash"])("%s fails open onto an in-memory limit", async (kind) => {
    const port = await freePort();
    const store =
      kind === "redis"
        ? createRedisStore(`redis://127.0.0.1:${port}`)
        : createUpstashStore(`http://127.0.0.1:${port}`, TOKEN);
    const identity = `user-${randomBytes(6).toString("hex")}`;
    const limits = { ...PLAN_LIMITS.enterprise, perSecond: 2 };
    const results = [];
    for (let i = 0; i < 3; i++) results.push((await checkRateLimit({ identity, limits }, store)).allowed);
    expect(results).toEqual([true, true, false]);
  });
});
