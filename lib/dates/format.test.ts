import { describe, expect, it } from "vitest";
import { canonicalLocale, formatDay, formatExact, formatRelative, isValidTimeZone } from "./format";

const at = new Date("2026-12-02T14:05:00Z");
const NOW = at.getTime();

describe("formatRelative", () => {
  it("reads recent moments the way people say them", () => {
    const settings = { timeZone: "UTC", locale: "en-GB" };
    expect(formatRelative(NOW - 10_000, NOW, settings)).toBe("now");
    expect(formatRelative(NOW - 5 * 60_000, NOW, settings)).toBe("5 min ago");
    expect(formatRelative(NOW - 3 * 3_600_000, NOW, settings)).toBe("3 hr ago");
    expect(formatRelative(NOW - 24 * 3_600_000, NOW, settings)).toBe("yesterday");
    expect(formatRelative(NOW + 2 * 24 * 3_600_000, NOW, settings)).toBe("in 2 days");
  });

  it("gives the date beyond a week", () => {
    const old = NOW - 30 * 24 * 3_600_000;
    expect(formatRelative(old, NOW, { timeZone: "UTC", locale: "en-GB" })).toBe(
      formatDay(old, { timeZone: "UTC", locale: "en-GB" }),
    );
  });

  it("speaks the reader's language", () => {
    expect(formatRelative(NOW - 5 * 60_000, NOW, { locale: "de-DE" })).toBe("vor 5 Min.");
  });
});

describe("formatExact", () => {
  it("names the zone the time is written in", () => {
    expect(formatExact(at, { timeZone: "Asia/Tokyo", locale: "en-GB" })).toContain("GMT+9");
    expect(formatExact(at, { timeZone: "UTC", locale: "en-GB" })).toContain("UTC");
  });

  it("moves the day with the zone", () => {
    const lateUtc = new Date("2026-12-02T23:30:00Z");
    expect(formatDay(lateUtc, { timeZone: "UTC", locale: "en-GB" })).toBe("2 Dec 2026");
    expect(formatDay(lateUtc, { timeZone: "Asia/Tokyo", locale: "en-GB" })).toBe("3 Dec 2026");
  });
});

describe("settings checks", () => {
  it("knows real time zones and locales", () => {
    expect(isValidTimeZone("Europe/Paris")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(canonicalLocale("en-gb")).toBe("en-GB");
    expect(canonicalLocale("not a locale")).toBeNull();
  });
});
