import { describe, expect, it } from "vitest";
import { createMemoryStore } from "@/lib/rate-limit/store";

describe("short-lived values (memory store)", () => {
  it("reads back what was set, in the order asked, null for the rest", async () => {
    const store = createMemoryStore();
    await store.setValue("a", "one", 10);
    await store.setValue("b", "two", 10);
    expect(await store.getValues(["b", "missing", "a"])).toEqual(["two", null, "one"]);
    await store.setValue("a", "uno", 10);
    expect(await store.getValues(["a"])).toEqual(["uno"]);
    expect(await store.getValues([])).toEqual([]);
  });

  it("a value is gone once its TTL has passed", async () => {
    const store = createMemoryStore();
    await store.setValue("brief", "here", 0.05);
    expect(await store.getValues(["brief"])).toEqual(["here"]);
    await new Promise((r) => setTimeout(r, 80));
    expect(await store.getValues(["brief"])).toEqual([null]);
  });

  it("values and counters do not share keys", async () => {
    const store = createMemoryStore();
    await store.setValue("k", "value", 10);
    expect((await store.hit("k", 5, 10)).remaining).toBe(4);
    expect(await store.getValues(["k"])).toEqual(["value"]);
  });
});
