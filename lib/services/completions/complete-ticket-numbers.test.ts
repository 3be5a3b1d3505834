import { describe, expect, it } from "vitest";
import { prefixRanges } from "@/lib/services/completions/complete-ticket-numbers";

describe("prefixRanges", () => {
  it("turns a digit prefix into number ranges, shortest numbers first", () => {
    expect(prefixRanges(12).slice(0, 4)).toEqual([
      [12, 12],
      [120, 129],
      [1200, 1299],
      [12000, 12999],
    ]);
  });

  it("stops at the largest ticket number a column holds", () => {
    const ranges = prefixRanges(2);
    expect(ranges.at(-1)).toEqual([2_000_000_000, 2_147_483_647]);
    expect(ranges.every(([low, high]) => low <= high)).toBe(true);
    expect(prefixRanges(2_147_483_647)).toEqual([[2_147_483_647, 2_147_483_647]]);
  });
});
