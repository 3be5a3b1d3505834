import { describe, expect, it } from "vitest";
import { AnalyticsReportSchema, daysOf, resolvePeriod, SupportMetricsSchema } from "@/lib/validations/analytics";
import { McpUsageQuerySchema } from "@/lib/validations/governance";

const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join(".")) ?? [];

describe("analytics periods", () => {
  it("reads a preset from a URL or JSON, and the last 30 days when none is given", () => {
    expect(AnalyticsReportSchema.parse({ period_days: "7" })).toMatchObject({ period_days: 7 });
    const now = new Date("2026-12-03T12:00:00Z");
    expect(resolvePeriod(SupportMetricsSchema.parse({}), now)).toEqual({
      from: new Date("2026-11-03T12:00:00Z"),
      to: now,
    });
  });

  it("a custom period runs from the start of its first day to the end of its last", () => {
    const parsed = AnalyticsReportSchema.parse({ from: "2026-11-01", to: "2026-11-30" });
    expect(resolvePeriod(parsed)).toEqual({
      from: new Date("2026-11-01T00:00:00Z"),
      to: new Date("2026-12-01T00:00:00Z"),
    });
    expect(daysOf(resolvePeriod(parsed))).toHaveLength(30);
    expect(McpUsageQuerySchema.parse({ to: "2026-11-30T09:00:00Z" }).to).toEqual(new Date("2026-11-30T09:00:00Z"));
  });

  it("names the field of a bad period", () => {
    expect(fieldsOf(AnalyticsReportSchema.safeParse({ period_days: "0" }))).toEqual(["period_days"]);
    expect(fieldsOf(AnalyticsReportSchema.safeParse({ period_days: "a week" }))).toEqual(["period_days"]);
    expect(fieldsOf(AnalyticsReportSchema.safeParse({ from: "yesterday" }))).toEqual(["from"]);
    expect(fieldsOf(AnalyticsReportSchema.safeParse({ from: "2026-11-01", to: "2026-13-01" }))).toEqual(["to"]);
    expect(fieldsOf(AnalyticsReportSchema.safeParse({ from: "2026-11-30", to: "2026-11-01" }))).toEqual(["from"]);
    expect(fieldsOf(AnalyticsReportSchema.safeParse({ from: "2024-01-01", to: "2026-01-01" }))).toEqual(["from"]);
    expect(fieldsOf(AnalyticsReportSchema.safeParse({ period_days: 7, from: "2026-11-01" }))).toEqual(["period_days"]);
    expect(fieldsOf(AnalyticsReportSchema.safeParse({ sections: "metrics,charts" }))).toEqual(["sections.1"]);
    expect(fieldsOf(SupportMetricsSchema.safeParse({ group_by: "week" }))).toEqual(["group_by"]);
  });

  it("lists every UTC day a period touches", () => {
    expect(daysOf({ from: new Date("2026-11-29T15:00:00Z"), to: new Date("2026-12-01T09:00:00Z") })).toEqual([
      "2026-11-29",
      "2026-11-30",
      "2026-12-01",
    ]);
  });
});
