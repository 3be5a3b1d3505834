import { describe, expect, it } from "vitest";
import {
  addBusinessMinutes,
  ALWAYS_OPEN,
  businessMinutesBetween,
  instantOf,
  type BusinessCalendar,
  type Interval,
} from "@/lib/services/sla/business-hours";

const nineToFive: Interval[] = [{ start: 9 * 60, end: 17 * 60 }];
const weekdays = (timeZone: string, holidays: string[] = []): BusinessCalendar => ({
  timeZone,
  weekly: { sun: [], mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, sat: [] },
  holidays,
});
const allDay = (timeZone: string): BusinessCalendar => ({ ...ALWAYS_OPEN, timeZone });
const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

describe("addBusinessMinutes", () => {
  it("counts within one working day", () => {
    expect(iso(addBusinessMinutes(at("2026-12-07T10:00:00Z"), 90, weekdays("UTC")))).toBe("2026-12-07T11:30:00.000Z");
  });

  it("carries the rest over the weekend to Monday morning", () => {
    // Friday 16:00 + 2 h: one hour on Friday, one on Monday from 09:00.
    expect(iso(addBusinessMinutes(at("2026-12-04T16:00:00Z"), 120, weekdays("UTC")))).toBe("2026-12-07T10:00:00.000Z");
  });

  it("starts counting at the next opening when started outside business hours", () => {
    expect(iso(addBusinessMinutes(at("2026-12-05T12:00:00Z"), 30, weekdays("UTC")))).toBe("2026-12-07T09:30:00.000Z");
    expect(iso(addBusinessMinutes(at("2026-12-07T06:00:00Z"), 30, weekdays("UTC")))).toBe("2026-12-07T09:30:00.000Z");
  });

  it("skips holidays", () => {
    // Thursday 24 December 16:00, Christmas Day (a Friday) off, the weekend: Monday 28th 10:00.
    expect(iso(addBusinessMinutes(at("2026-12-24T16:00:00Z"), 120, weekdays("UTC", ["2026-12-25"])))).toBe(
      "2026-12-28T10:00:00.000Z",
    );
  });

  it("reads the hours in the calendar's time zone", () => {
    // 08:00 in New York (EST, UTC-5) is before opening: 09:00 + 1 h = 10:00 EST = 15:00 UTC.
    expect(iso(addBusinessMinutes(at("2026-12-07T13:00:00Z"), 60, weekdays("America/New_York")))).toBe(
      "2026-12-07T15:00:00.000Z",
    );
    // Tokyo (UTC+9): Monday 16:30 local + 1 h ends Tuesday 09:30 local = Tuesday 00:30 UTC.
    expect(iso(addBusinessMinutes(at("2026-12-07T07:30:00Z"), 60, weekdays("Asia/Tokyo")))).toBe(
      "2026-12-08T00:30:00.000Z",
    );
  });

  it("keeps wall-clock hours across the spring-forward weekend", () => {
    // Berlin moves from CET (+1) to CEST (+2) on Sunday 29 March 2026. Friday 16:00 CET + 2 h ends
    // Monday 10:00 CEST, which is 08:00 UTC (not 09:00).
    expect(iso(addBusinessMinutes(at("2026-03-27T15:00:00Z"), 120, weekdays("Europe/Berlin")))).toBe(
      "2026-03-30T08:00:00.000Z",
    );
  });

  it("keeps wall-clock hours across the fall-back weekend", () => {
    // New York moves from EDT (-4) to EST (-5) on Sunday 1 November 2026.
    expect(iso(addBusinessMinutes(at("2026-10-30T20:00:00Z"), 120, weekdays("America/New_York")))).toBe(
      "2026-11-02T15:00:00.000Z",
    );
  });

  it("counts the real length of a DST day around the clock", () => {
    // 24 h of round-the-clock time from local midnight on the short day ends at 01:00 the next day.
    expect(iso(addBusinessMinutes(at("2026-03-28T23:00:00Z"), 24 * 60, allDay("Europe/Berlin")))).toBe(
      "2026-03-29T23:00:00.000Z",
    );
  });

  it("is the start itself for zero minutes, and refuses a calendar with no hours", () => {
    expect(iso(addBusinessMinutes(at("2026-12-05T12:00:00Z"), 0, weekdays("UTC")))).toBe("2026-12-05T12:00:00.000Z");
    const closed: BusinessCalendar = {
      ...weekdays("UTC"),
      weekly: { ...weekdays("UTC").weekly, mon: [], tue: [], wed: [], thu: [], fri: [] },
    };
    expect(() => addBusinessMinutes(at("2026-12-05T12:00:00Z"), 10, closed)).toThrow(/no business hours/);
  });

  it("counts every minute on the always-open calendar", () => {
    expect(iso(addBusinessMinutes(at("2026-12-05T12:00:00Z"), 60 * 48, ALWAYS_OPEN))).toBe("2026-12-07T12:00:00.000Z");
  });
});

describe("businessMinutesBetween", () => {
  it("counts only business hours, none on weekends or holidays", () => {
    const cal = weekdays("UTC", ["2026-12-25"]);
    // Friday 16:00 → Monday 10:00: 60 + 60.
    expect(businessMinutesBetween(at("2026-12-04T16:00:00Z"), at("2026-12-07T10:00:00Z"), cal)).toBe(120);
    // A whole week with a holiday: 4 days of 8 h.
    expect(businessMinutesBetween(at("2026-12-21T00:00:00Z"), at("2026-12-28T00:00:00Z"), cal)).toBe(4 * 8 * 60);
    expect(businessMinutesBetween(at("2026-12-05T00:00:00Z"), at("2026-12-06T23:59:00Z"), cal)).toBe(0);
  });

  it("is zero when the end is not after the start", () => {
    expect(businessMinutesBetween(at("2026-12-07T12:00:00Z"), at("2026-12-07T11:00:00Z"), ALWAYS_OPEN)).toBe(0);
  });

  it("sees the 23-hour and 25-hour days of DST changes", () => {
    expect(
      businessMinutesBetween(at("2026-03-28T23:00:00Z"), at("2026-03-29T22:00:00Z"), allDay("Europe/Berlin")),
    ).toBe(23 * 60);
    expect(
      businessMinutesBetween(at("2026-11-01T04:00:00Z"), at("2026-11-02T05:00:00Z"), allDay("America/New_York")),
    ).toBe(25 * 60);
  });

  it("counts every minute of a year of whole days in zones with half-hour, 45-minute and southern changes", () => {
    // All-day calendars count every instant, so the business minutes are the elapsed minutes, whatever
    // the zone's offsets did in between.
    for (const zone of [
      "Europe/Berlin",
      "America/St_Johns",
      "Australia/Lord_Howe",
      "Pacific/Chatham",
      "Asia/Kathmandu",
    ]) {
      const from = at("2026-01-01T00:07:00Z");
      for (let days = 1; days <= 366; days += 5) {
        const to = new Date(from.getTime() + days * 86_400_000 + 13 * 60_000);
        expect(businessMinutesBetween(from, to, allDay(zone)), `${zone}, ${days} days`).toBe(days * 1440 + 13);
      }
    }
  });

  it("counts a working day in Lord Howe's half-hour change the same before and after the change", () => {
    // Lord Howe moves its clock back 30 minutes at 02:00 local on Sunday 5 April 2026; Monday 9 to 5 is 8 hours.
    expect(
      businessMinutesBetween(at("2026-04-05T12:00:00Z"), at("2026-04-06T12:00:00Z"), weekdays("Australia/Lord_Howe")),
    ).toBe(8 * 60);
  });

  it("is the inverse of addBusinessMinutes", () => {
    const cal = weekdays("Europe/Berlin", ["2026-04-03"]);
    const start = at("2026-03-26T14:17:00Z");
    for (const minutes of [1, 59, 480, 1000, 2400, 10_000]) {
      expect(businessMinutesBetween(start, addBusinessMinutes(start, minutes, cal), cal)).toBeCloseTo(minutes, 6);
    }
  });
});

describe("instantOf", () => {
  const day = Date.UTC(2026, 2, 29);
  it("moves a time in the spring-forward gap past the change", () => {
    // 02:30 does not exist in Berlin on 29 March 2026: it reads as 03:30 CEST (01:30 UTC).
    expect(new Date(instantOf(day, 150, "Europe/Berlin")).toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("takes the earlier of a time named twice by the fall-back", () => {
    // 01:30 happens twice in New York on 1 November 2026: first in EDT (05:30 UTC).
    expect(new Date(instantOf(Date.UTC(2026, 10, 1), 90, "America/New_York")).toISOString()).toBe(
      "2026-11-01T05:30:00.000Z",
    );
    // 02:30 twice in Berlin on 25 October 2026: first in CEST (00:30 UTC).
    expect(new Date(instantOf(Date.UTC(2026, 9, 25), 150, "Europe/Berlin")).toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
  });
});
