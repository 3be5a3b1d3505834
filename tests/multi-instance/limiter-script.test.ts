// The limiter's one script against the real Redis, directly and through the
// Upstash REST stand-in: which windows count, what a refusal leaves behind,
// and the access version read in the same call.
import { randomBytes } from "node:crypto";
import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startUpstashRest } from "../support/upstash-rest.mjs";
import { checkRateLimit } from "@/lib/rate-limit/limiter";
import { PLAN_LIMITS } from "@/lib/rate-limit/policies";
import { createRedisStore, createUpstashStore, type CounterStore, type WindowSpec } from "@/lib/rate-limit/store";

const TOKEN = randomBytes(12).toString("hex");
let rest: Awaited<ReturnType<typeof startUpstashRest>>;
let raw: Redis;
const stores: Record<string, CounterStore> = {};

beforeAll(async () => {
  rest = await startUpstashRest({ redisUrl: process.env.REDIS_URL!, token: TOKEN, port: 0 });
  raw = new Redis(process.env.REDIS_URL!);
  stores.redis = createRedisStore(process.env.REDIS_URL!);
  stores.upstash = createUpstashStore(rest.url, TOKEN);
  await new Promise((r) => setTimeout(r, 200));
});
afterAll(async () => {
  await rest.stop();
  raw.disconnect();
});

const unique = () => randomBytes(6).toString("hex");
const windowsOf = (id: string, [second, minute, day]: [number, number, number]): WindowSpec[] => [
  { key: `${id}:s`, points: second, durationS: 1 },
  { key: `${id}:m`, points: minute, durationS: 60 },
  { key: `${id}:d`, points: day, durationS: 86_400 },
];
const remaining = (store: CounterStore, windows: WindowSpec[]) =>
  Promise.all(windows.map(async (w) => (await store.peek(w.key, w.points, w.durationS)).remaining));
// Upstash's windows follow the clock: start at the top of a second, not in a minute's last two seconds.
const freshWindows = () => {
  const now = Date.now();
  const wait = now % 60_000 > 58_000 ? 60_000 - (now % 60_000) : 1_000 - (now % 1_000);
  return new Promise((r) => setTimeout(r, wait + 5));
};

describe.each(["redis", "upstash"])("the limiter script on %s", (kind) => {
  it("counts a calendar window (the month) in the same call, its counter living until the period ends", async () => {
    const store = stores[kind]!;
    const id = unique();
    const resetAtMs = Date.now() + 5 * 86_400_000;
    const windows: WindowSpec[] = [
      ...windowsOf(id, [10, 10, 10]),
      { key: `${id}:mo:2026-12`, points: 2, durationS: 31 * 86_400, resetAtMs },
    ];
    expect((await store.hitAll(windows)).hit.allowed).toBe(true);
    expect((await store.hitAll(windows)).hit.allowed).toBe(true);
    const refused = await store.hitAll(windows);
    expect(refused).toMatchObject({ deciding: 3, hit: { allowed: false, remaining: 0 } });
    expect(refused.hit.resetMs).toBeLessThanOrEqual(5 * 86_400_000);
    expect(refused.hit.resetMs).toBeGreaterThan(5 * 86_400_000 - 60_000);
    // The refused call left the other windows as they were: two counted.
    expect(await remaining(store, windows.slice(0, 3))).toEqual([8, 8, 8]);
  });

  it("counts an allowed request once in every window, each expiring with its window", async () => {
    const store = stores[kind]!;
    const windows = windowsOf(unique(), [3, 10, 100]);
    await freshWindows();
    const first = await store.hitAll(windows);
    // The deciding window is the one with the least of its limit left: the second's 2 of 3.
    expect(first).toMatchObject({ deciding: 0, hit: { allowed: true, remaining: 2 } });
    expect(first.hit.resetMs).toBeLessThanOrEqual(1_000);
    expect(await remaining(store, windows)).toEqual([2, 9, 99]);
    await store.hitAll(windows);
    expect(await remaining(store, windows)).toEqual([1, 8, 98]);
    // Each counter lives as long as its window.
    const lives = await Promise.all(windows.map((w) => store.peek(w.key, w.points, w.durationS)));
    expect(lives[0]!.resetMs).toBeLessThanOrEqual(1_000);
    expect(lives[1]!.resetMs).toBeGreaterThan(1_000);
    expect(lives[1]!.resetMs).toBeLessThanOrEqual(60_000);
    expect(lives[2]!.resetMs).toBeGreaterThan(60_000);
    expect(lives[2]!.resetMs).toBeLessThanOrEqual(86_400_000);
  });

  it("names as deciding the window with the smallest share of its limit left", async () => {
    const store = stores[kind]!;
    const windows = windowsOf(unique(), [100, 4, 1_000]);
    await freshWindows();
    const decided = await store.hitAll(windows);
    expect(decided).toMatchObject({ deciding: 1, hit: { allowed: true, remaining: 3 } });
    expect(decided.hit.resetMs).toBeGreaterThan(1_000);
    expect(decided.hit.resetMs).toBeLessThanOrEqual(60_000);
  });

  it("a request any window refuses is counted in none of them", async () => {
    const store = stores[kind]!;
    const windows = windowsOf(unique(), [5, 10, 2]);
    await freshWindows();
    await store.hitAll(windows);
    await store.hitAll(windows);
    for (let i = 0; i < 3; i++) {
      const refused = await store.hitAll(windows);
      expect(refused).toMatchObject({ deciding: 2, hit: { allowed: false, remaining: 0 } });
    }
    expect(await remaining(store, windows)).toEqual([3, 8, 0]);
  });

  it("names the first window that refuses, and counts again once it has room", async () => {
    const store = stores[kind]!;
    const id = `user-${unique()}`;
    const limits = { ...PLAN_LIMITS.enterprise, perSecond: 2, perMinute: 100 };
    await freshWindows();
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await checkRateLimit({ identity: id, limits }, store));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, false, false]);
    expect(decisions[2]).toMatchObject({ window: "second", limit: 2, remaining: 0 });
    await new Promise((r) => setTimeout(r, 1_050));
    expect(await checkRateLimit({ identity: id, limits }, store)).toMatchObject({ allowed: true, window: "second" });
    expect((await store.peek(`${id}:m`, 100, 60)).remaining).toBe(97);
  });

  it("returns the scope's access version in the same call, and a new one after a bump", async () => {
    const store = stores[kind]!;
    const scope = `ws-${unique()}`;
    const windows = windowsOf(unique(), [100, 100, 100]);
    expect((await store.hitAll(windows)).version).toBeNull();
    const first = (await store.hitAll(windows, scope)).version;
    expect(first).toEqual(expect.any(String));
    expect((await store.hitAll(windows, scope)).version).toBe(first);
    // A refused request still reports the version.
    const full = windowsOf(unique(), [1, 1, 1]);
    await store.hitAll(full, scope);
    expect(await store.hitAll(full, scope)).toMatchObject({ deciding: 0, hit: { allowed: false }, version: first });
    expect(await store.bumpVersions([scope])).toBe(true);
    const second = (await store.hitAll(windows, scope)).version;
    expect(second).not.toBe(first);
    expect(
      (await checkRateLimit({ identity: unique(), limits: PLAN_LIMITS.starter, accessScope: scope }, store))
        .accessVersion,
    ).toBe(second);
    // A version lost with the data comes back as one never handed out before.
    await raw.del(`deskbridge:access:${scope}`);
    const third = (await store.hitAll(windows, scope)).version;
    expect([first, second]).not.toContain(third);
  });
});

describe("the script cache", () => {
  it("runs the script with EVAL when Redis has forgotten it, then by its hash again", async () => {
    const store = stores.redis!;
    const windows = windowsOf(unique(), [10, 10, 10]);
    await store.hitAll(windows);
    await raw.script("FLUSH");
    expect(await store.hitAll(windows)).toMatchObject({ hit: { allowed: true, remaining: 8 } });
    expect((await stores.upstash!.hitAll(windowsOf(unique(), [10, 10, 10]))).hit.allowed).toBe(true);
    expect(await store.hitAll(windows)).toMatchObject({ hit: { allowed: true } });
    expect(await remaining(store, windows)).toEqual([7, 7, 7]);
  });
});
