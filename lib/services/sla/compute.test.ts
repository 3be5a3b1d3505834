import { describe, expect, it } from "vitest";
import type { BusinessCalendar, Interval } from "@/lib/services/sla/business-hours";
import {
  computeSla,
  matchPolicy,
  NO_SLA,
  readSlaState,
  type SlaColumns,
  type SlaPolicyRule,
  type SlaTicket,
} from "@/lib/services/sla/compute";

const nineToFive: Interval[] = [{ start: 540, end: 1020 }];
const calendar: BusinessCalendar = {
  timeZone: "UTC",
  weekly: { sun: [], mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, sat: [] },
  holidays: [],
};
const policy = (over: Partial<SlaPolicyRule> = {}): SlaPolicyRule => ({
  id: "p1",
  name: "Standard",
  teamId: null,
  tag: null,
  targets: { high: { first_response_minutes: 60, resolution_minutes: 480 } },
  businessHours: true,
  position: 0,
  ...over,
});
const at = (iso: string) => new Date(iso);
const created = at("2026-12-07T10:00:00Z"); // a Monday
const ticket = (over: Partial<SlaTicket> = {}): SlaTicket => ({
  createdAt: created,
  status: "open",
  priority: "high",
  teamId: null,
  tags: [],
  firstResponseAt: null,
  ...over,
});

function run(prev: SlaColumns, t: SlaTicket, now: string, prevFirst: Date | null = null, p = policy()) {
  return computeSla(prev, prevFirst, t, p, calendar, at(now));
}

describe("matchPolicy", () => {
  const general = policy({ id: "general", position: 0 });
  const team = policy({ id: "team", teamId: "t1", position: 5 });
  const tag = policy({ id: "vip", tag: "vip", position: 1 });
  const both = policy({ id: "both", teamId: "t1", tag: "vip", position: 9 });
  const lowOnly = policy({ id: "low", targets: { low: { first_response_minutes: 5, resolution_minutes: null } } });

  it("takes the most specific matching policy with a target for the priority", () => {
    const all = [general, team, tag, both, lowOnly];
    expect(matchPolicy(all, ticket())?.id).toBe("general");
    expect(matchPolicy(all, ticket({ tags: ["vip"] }))?.id).toBe("vip");
    expect(matchPolicy(all, ticket({ teamId: "t1" }))?.id).toBe("team");
    expect(matchPolicy(all, ticket({ teamId: "t1", tags: ["vip"] }))?.id).toBe("both");
    expect(matchPolicy(all, ticket({ priority: "low" }))?.id).toBe("low");
    expect(matchPolicy(all, ticket({ priority: "urgent" }))).toBeNull();
  });
});

describe("computeSla", () => {
  it("sets due times in business hours on creation", () => {
    const { columns, events } = run(NO_SLA, ticket(), "2026-12-07T10:00:00Z");
    expect(columns.firstResponseDueAt?.toISOString()).toBe("2026-12-07T11:00:00.000Z");
    expect(columns.resolutionDueAt?.toISOString()).toBe("2026-12-08T10:00:00.000Z");
    expect(columns.slaDueAt?.toISOString()).toBe("2026-12-07T11:00:00.000Z");
    expect(events).toEqual([{ kind: "policy", from: null, to: "p1" }]);
  });

  it("a first reply in time meets the first response and stops the clock while pending", () => {
    const start = run(NO_SLA, ticket(), "2026-12-07T10:00:00Z").columns;
    const replied = run(
      start,
      ticket({ status: "pending", firstResponseAt: at("2026-12-07T10:30:00Z") }),
      "2026-12-07T10:30:00Z",
    );
    expect(replied.columns.firstResponseMissed).toBe(false);
    expect(replied.columns.slaPausedAt?.toISOString()).toBe("2026-12-07T10:30:00.000Z");
    expect(replied.columns.slaDueAt).toBeNull();
    expect(replied.events).toEqual([]);
    // Back to open the next morning: the 7.5 business hours spent pending move the resolution due out.
    const reopened = run(
      replied.columns,
      ticket({ status: "open", firstResponseAt: at("2026-12-07T10:30:00Z") }),
      "2026-12-08T10:00:00Z",
      at("2026-12-07T10:30:00Z"),
    );
    expect(reopened.columns.slaPausedMinutes).toBe(450);
    expect(reopened.columns.resolutionDueAt?.toISOString()).toBe("2026-12-09T09:30:00.000Z");
    expect(reopened.columns.slaDueAt?.toISOString()).toBe("2026-12-09T09:30:00.000Z");
  });

  it("a late first reply is a missed target, reported once, and the ticket is breached until resolved", () => {
    const start = run(NO_SLA, ticket(), "2026-12-07T10:00:00Z").columns;
    const late = run(
      start,
      ticket({ status: "pending", firstResponseAt: at("2026-12-07T12:00:00Z") }),
      "2026-12-07T12:00:00Z",
    );
    expect(late.columns.firstResponseMissed).toBe(true);
    expect(late.columns.slaBreachedAt?.toISOString()).toBe("2026-12-07T12:00:00.000Z");
    expect(late.events).toEqual([{ kind: "breach", target: "first_response", due_at: at("2026-12-07T11:00:00Z") }]);
    const resolved = run(
      late.columns,
      ticket({ status: "resolved", firstResponseAt: at("2026-12-07T12:00:00Z") }),
      "2026-12-07T13:00:00Z",
      at("2026-12-07T12:00:00Z"),
    );
    expect(resolved.columns.slaBreachedAt).toBeNull();
    expect(resolved.columns.firstResponseMissed).toBe(true);
    expect(resolved.events).toEqual([]);
  });

  it("the breach job's recompute marks a passed due time and moves to the next target", () => {
    const start = run(NO_SLA, ticket(), "2026-12-07T10:00:00Z").columns;
    const job = run(start, ticket(), "2026-12-07T11:05:00Z");
    expect(job.columns.firstResponseMissed).toBe(true);
    expect(job.columns.slaDueAt?.toISOString()).toBe("2026-12-08T10:00:00.000Z");
    expect(job.events).toEqual([{ kind: "breach", target: "first_response", due_at: at("2026-12-07T11:00:00Z") }]);
    // Run again: nothing new.
    expect(run(job.columns, ticket(), "2026-12-07T11:06:00Z").events).toEqual([]);
  });

  it("a priority change moves the due times; no policy clears them", () => {
    const start = run(NO_SLA, ticket(), "2026-12-07T10:00:00Z").columns;
    const urgent = policy({
      targets: {
        high: { first_response_minutes: 60, resolution_minutes: 480 },
        urgent: { first_response_minutes: 15, resolution_minutes: 120 },
      },
    });
    const moved = run(start, ticket({ priority: "urgent" }), "2026-12-07T10:05:00Z", null, urgent);
    expect(moved.columns.firstResponseDueAt?.toISOString()).toBe("2026-12-07T10:15:00.000Z");
    const none = computeSla(start, null, ticket({ priority: "low" }), null, calendar, at("2026-12-07T10:05:00Z"));
    expect(none.columns).toMatchObject({ slaPolicyId: null, slaDueAt: null, firstResponseDueAt: null });
    expect(none.events).toEqual([{ kind: "policy", from: "p1", to: null }]);
  });
});

describe("readSlaState", () => {
  it("derives a breach from a passed due time before the job runs, with the time overdue", () => {
    const start = run(NO_SLA, ticket(), "2026-12-07T10:00:00Z").columns;
    const state = readSlaState(
      { ...start, firstResponseAt: null, resolvedAt: null },
      { id: "p1", name: "Standard" },
      calendar,
      true,
      at("2026-12-07T11:30:00Z"),
    );
    expect(state.breached).toBe(true);
    expect(state.first_response).toMatchObject({ state: "missed", remaining_seconds: -1800 });
    expect(state.resolution).toMatchObject({ state: "running", remaining_seconds: 6.5 * 3600 });
  });

  it("shows a paused clock with the time that was left", () => {
    const start = run(NO_SLA, ticket(), "2026-12-07T10:00:00Z").columns;
    const paused = run(start, ticket({ status: "pending" }), "2026-12-07T10:20:00Z").columns;
    const state = readSlaState(
      { ...paused, firstResponseAt: null, resolvedAt: null },
      { id: "p1", name: "Standard" },
      calendar,
      true,
      at("2026-12-09T10:00:00Z"),
    );
    expect(state).toMatchObject({
      breached: false,
      paused: true,
      first_response: { state: "paused", remaining_seconds: 2400 },
    });
  });
});
