import { describe, expect, it } from "vitest";
import { checkPerIpRateLimit, checkRateLimit, identityOf, rateLimitStatus } from "@/lib/rate-limit/limiter";
import { calendarMonth, limitsFor, monthlyBudgetFor, PER_IP_LIMITS, PLAN_LIMITS } from "@/lib/rate-limit/policies";
import { createMemoryStore } from "@/lib/rate-limit/store";

const limits = (l: Partial<typeof PLAN_LIMITS.starter>) => ({ ...PLAN_LIMITS.enterprise, ...l });

describe("rate limiter (memory store)", () => {
  it("refuses past the burst with the window named, and reports the tightest window when allowed", async () => {
    const store = createMemoryStore();
    const subject = { identity: "user-a", limits: limits({ perSecond: 3 }) };
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await checkRateLimit(subject, store));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]).toMatchObject({ window: "second", limit: 3, remaining: 0 });
    expect(results[0]!.headers).toEqual({
      "X-RateLimit-Limit": "3",
      "X-RateLimit-Remaining": "2",
      "X-RateLimit-Reset": "1",
    });
  });

  it("a refusal by a shorter window does not use up the longer ones", async () => {
    const store = createMemoryStore();
    const subject = { identity: "user-b", limits: limits({ perSecond: 2, perDay: 3 }) };
    await checkRateLimit(subject, store);
    await checkRateLimit(subject, store);
    for (let i = 0; i < 5; i++) expect((await checkRateLimit(subject, store)).window).toBe("second");
    await new Promise((r) => setTimeout(r, 1_100));
    // Only two calls reached the day window, so one more is allowed before it refuses.
    expect((await checkRateLimit(subject, store)).allowed).toBe(true);
    expect(await checkRateLimit(subject, store)).toMatchObject({ allowed: false, window: "day" });
  });

  it("OAuth connections of a workspace share a ceiling across users", async () => {
    const store = createMemoryStore();
    const l = limits({ oauthPerMinute: 2 });
    expect((await checkRateLimit({ identity: "user-1", limits: l, oauthWorkspaceId: "ws" }, store)).allowed).toBe(true);
    expect((await checkRateLimit({ identity: "user-2", limits: l, oauthWorkspaceId: "ws" }, store)).allowed).toBe(true);
    expect(await checkRateLimit({ identity: "user-3", limits: l, oauthWorkspaceId: "ws" }, store)).toMatchObject({
      allowed: false,
      window: "minute",
    });
    expect((await checkRateLimit({ identity: "user-3", limits: l }, store)).allowed).toBe(true);
  });

  it("a refusal by a later window leaves the earlier windows as they were", async () => {
    const store = createMemoryStore();
    const l = limits({ perSecond: 5, oauthPerMinute: 1 });
    expect((await checkRateLimit({ identity: "user-4", limits: l, oauthWorkspaceId: "ws-2" }, store)).allowed).toBe(
      true,
    );
    for (let i = 0; i < 3; i++) {
      const refused = await checkRateLimit({ identity: "user-5", limits: l, oauthWorkspaceId: "ws-2" }, store);
      expect(refused).toMatchObject({ allowed: false, window: "minute", limit: 1 });
    }
    const status = await rateLimitStatus({ identity: "user-5", limits: l }, store);
    expect(status.map((w) => w.remaining)).toEqual([5, l.perMinute, l.perDay]);
  });

  it("picks the identity in Attention's order and applies overrides over the plan", () => {
    expect(identityOf({ userId: "u", orgWorkspaceId: "w", ip: "1.2.3.4" })).toBe("user-u");
    expect(identityOf({ userId: null, orgWorkspaceId: "w", ip: "1.2.3.4" })).toBe("org-w");
    expect(identityOf({ userId: null, ip: "1.2.3.4" })).toBe("ip-1.2.3.4");
    expect(limitsFor("starter", { perMinute: 90 })).toEqual({
      perSecond: 10,
      perMinute: 90,
      perDay: 10_000,
      oauthPerMinute: 120,
    });
    expect(limitsFor("professional", null)).toEqual(PLAN_LIMITS.professional);
  });

  it("reads the same stored overrides alike every time, and ignores overrides that do not read", () => {
    const stored = { perDay: 50, perMonth: 900 };
    for (let i = 0; i < 2; i++) {
      expect(limitsFor("starter", stored)).toEqual({ ...PLAN_LIMITS.starter, perDay: 50 });
      expect(monthlyBudgetFor("starter", 3, stored)).toBe(900);
    }
    const unreadable = { perDay: -4 };
    for (let i = 0; i < 2; i++) {
      expect(limitsFor("starter", unreadable)).toEqual(PLAN_LIMITS.starter);
      expect(monthlyBudgetFor("starter", 3, unreadable)).toBe(6_000);
    }
  });

  it("per-IP policies count per address, each policy on its own", async () => {
    const store = createMemoryStore();
    const burst = PER_IP_LIMITS.registration.perSecond;
    const decisions = [];
    for (let i = 0; i <= burst; i++) decisions.push(await checkPerIpRateLimit("registration", "203.0.113.9", store));
    expect(decisions.slice(0, burst).every((d) => d.allowed)).toBe(true);
    expect(decisions[burst]).toMatchObject({ allowed: false, window: "second" });
    expect((await checkPerIpRateLimit("registration", "203.0.113.10", store)).allowed).toBe(true);
    expect((await checkPerIpRateLimit("client-document", "203.0.113.9", store)).allowed).toBe(true);
  });

  it("a workspace's tool calls share its monthly budget, refused as the month window until the month ends", async () => {
    const store = createMemoryStore();
    const budget = { workspaceId: "ws-month", calls: 2 };
    const l = limits({});
    expect((await checkRateLimit({ identity: "user-m1", limits: l, monthlyBudget: budget }, store)).allowed).toBe(true);
    expect((await checkRateLimit({ identity: "user-m2", limits: l, monthlyBudget: budget }, store)).allowed).toBe(true);
    // A month outlasts the longest timer Node keeps: the count must still be there a moment later.
    await new Promise((r) => setTimeout(r, 50));
    const refused = await checkRateLimit({ identity: "user-m3", limits: l, monthlyBudget: budget }, store);
    expect(refused).toMatchObject({ allowed: false, window: "month", limit: 2, remaining: 0 });
    const secondsLeft = Math.ceil((calendarMonth(Date.now()).endsAtMs - Date.now()) / 1000);
    expect(refused.resetS).toBeLessThanOrEqual(secondsLeft);
    expect(refused.resetS).toBeGreaterThan(secondsLeft - 60);
    // A request that is not a tool call spends no budget and is not refused by it.
    expect((await checkRateLimit({ identity: "user-m3", limits: l }, store)).allowed).toBe(true);
    const status = await rateLimitStatus({ identity: "user-m3", limits: l, monthlyBudget: budget }, store);
    expect(status.find((w) => w.window === "month")).toMatchObject({ limit: 2, remaining: 0 });
  });

  it("the monthly budget scales with seats by plan, and an owner's override replaces it", () => {
    expect(monthlyBudgetFor("starter", 3, {})).toBe(6_000);
    expect(monthlyBudgetFor("professional", 2, null)).toBe(20_000);
    expect(monthlyBudgetFor("enterprise", 1, {})).toBe(50_000);
    expect(monthlyBudgetFor("starter", 3, { perMonth: 500 })).toBe(500);
    expect(limitsFor("starter", { perMonth: 500, perDay: 7 })).toEqual({ ...PLAN_LIMITS.starter, perDay: 7 });
  });
});
