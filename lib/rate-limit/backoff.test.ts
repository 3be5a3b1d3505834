import { describe, expect, it } from "vitest";
import { backoffState, clearFailures, recordFailure, waitAfter, type BackoffPolicy } from "@/lib/rate-limit/backoff";
import { createMemoryStore } from "@/lib/rate-limit/store";

const POLICY: BackoffPolicy = { name: "test", free: 3, firstWaitS: 30, maxWaitS: 900, memoryS: 3_600 };

describe("backoff", () => {
  it("waits nothing for the free failures, then 30 s doubling up to the cap", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map((n) => waitAfter(POLICY, n))).toEqual([
      0, 0, 30, 60, 120, 240, 480, 900, 900, 900,
    ]);
  });

  it("a failure that earns a wait makes the subject wait, and checking spends nothing", async () => {
    const store = createMemoryStore();
    for (let i = 0; i < 2; i++) await recordFailure(POLICY, "a", store);
    expect(await backoffState(POLICY, "a", store)).toEqual({ failures: 2, waitS: 0 });
    expect(await recordFailure(POLICY, "a", store)).toBe(3);
    for (let i = 0; i < 3; i++) {
      const state = await backoffState(POLICY, "a", store);
      expect(state.failures).toBe(3);
      expect(state.waitS).toBeGreaterThan(25);
      expect(state.waitS).toBeLessThanOrEqual(30);
    }
    await recordFailure(POLICY, "a", store);
    expect((await backoffState(POLICY, "a", store)).waitS).toBeGreaterThan(55);
    expect((await backoffState(POLICY, "b", store)).waitS).toBe(0);
  });

  it("clearing forgets the failures", async () => {
    const store = createMemoryStore();
    for (let i = 0; i < 3; i++) await recordFailure(POLICY, "a", store);
    await clearFailures(POLICY, "a", store);
    expect(await backoffState(POLICY, "a", store)).toEqual({ failures: 0, waitS: 0 });
  });
});
