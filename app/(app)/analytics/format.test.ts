import { describe, expect, it } from "vitest";
import { formatDuration, formatShare } from "./format";

describe("analytics figures", () => {
  it("reads durations in the largest sensible units", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(42)).toBe("42s");
    expect(formatDuration(12 * 60)).toBe("12m");
    expect(formatDuration(3 * 3600 + 5 * 60)).toBe("3h 5m");
    expect(formatDuration(2 * 86_400)).toBe("2d");
    expect(formatDuration(2 * 86_400 + 4 * 3600)).toBe("2d 4h");
  });

  it("reads attainment as a percentage", () => {
    expect(formatShare(null)).toBe("—");
    expect(formatShare(0.8765)).toBe("88%");
  });
});
