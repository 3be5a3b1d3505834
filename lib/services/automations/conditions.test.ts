import { describe, expect, it } from "vitest";
import { evaluateConditions, type RuleFacts } from "@/lib/services/automations/conditions";
import type { BusinessCalendar, Interval } from "@/lib/services/sla/business-hours";
import type { AutomationCondition } from "@/lib/validations/automations";

const nineToFive: Interval[] = [{ start: 9 * 60, end: 17 * 60 }];
const weekdays: BusinessCalendar = {
  timeZone: "Europe/Berlin",
  weekly: { sun: [], mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, sat: [] },
  holidays: ["2026-12-25"],
};

const facts = (over: Partial<RuleFacts> = {}): RuleFacts => ({
  channel: "email",
  subject: "Refund for order 1042",
  body: "Hello, I would like my money back.",
  tags: ["billing"],
  priority: "normal",
  teamId: "team-1",
  companyIds: ["co-1"],
  // Monday 10:00 in Berlin.
  at: new Date("2026-12-07T09:00:00Z"),
  calendar: weekdays,
  ...over,
});
const holds = (conditions: AutomationCondition[], over?: Partial<RuleFacts>) =>
  evaluateConditions(conditions, facts(over)).matched;

describe("evaluateConditions", () => {
  it("matches a rule without conditions", () => {
    expect(holds([])).toBe(true);
  });

  it("needs every condition to hold and names the first that does not", () => {
    const result = evaluateConditions(
      [
        { field: "channel", value: "email" },
        { field: "priority", value: "urgent" },
        { field: "has_tag", value: "vip" },
      ],
      facts(),
    );
    expect(result).toEqual({ matched: false, failed: { field: "priority", value: "urgent" } });
  });

  it("matches text in the subject, the body or either, ignoring case", () => {
    expect(holds([{ field: "subject_contains", value: "REFUND" }])).toBe(true);
    expect(holds([{ field: "subject_contains", value: "money" }])).toBe(false);
    expect(holds([{ field: "body_contains", value: "money back" }])).toBe(true);
    expect(holds([{ field: "text_contains", value: "money" }])).toBe(true);
    expect(holds([{ field: "text_contains", value: "order 1042" }])).toBe(true);
    expect(holds([{ field: "body_contains", value: "money" }], { body: null })).toBe(false);
  });

  it("checks tags, channel, priority, team and company", () => {
    expect(holds([{ field: "has_tag", value: "billing" }])).toBe(true);
    expect(holds([{ field: "channel", value: "chat" }])).toBe(false);
    expect(holds([{ field: "priority", value: "normal" }])).toBe(true);
    expect(holds([{ field: "team", value: "team-1" }])).toBe(true);
    expect(holds([{ field: "team", value: "none" }])).toBe(false);
    expect(holds([{ field: "team", value: "none" }], { teamId: null })).toBe(true);
    expect(holds([{ field: "company", value: "co-1" }])).toBe(true);
    expect(holds([{ field: "company", value: "co-2" }])).toBe(false);
  });

  it("judges business hours in the calendar's time zone at the event's time", () => {
    const within = [{ field: "business_hours", value: "within" }] as AutomationCondition[];
    const outside = [{ field: "business_hours", value: "outside" }] as AutomationCondition[];
    expect(holds(within)).toBe(true);
    // 17:30 in Berlin is after hours, though 16:30 UTC.
    expect(holds(outside, { at: new Date("2026-12-07T16:30:00Z") })).toBe(true);
    // Saturday and a holiday.
    expect(holds(outside, { at: new Date("2026-12-12T10:00:00Z") })).toBe(true);
    expect(holds(outside, { at: new Date("2026-12-25T10:00:00Z") })).toBe(true);
    // No business hours set: every hour counts.
    expect(holds(within, { calendar: null, at: new Date("2026-12-12T03:00:00Z") })).toBe(true);
  });
});
