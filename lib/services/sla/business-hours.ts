// Business-hours arithmetic: pure functions over instants, with the calendar's wall-clock hours read
// in its IANA time zone through Intl (no time-zone tables of our own). Daylight-saving changes shorten
// or lengthen the day they fall on exactly as the wall clock does.

export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Minutes from local midnight; end may be 1440 (midnight at the end of the day). */
export type Interval = { start: number; end: number };

export type BusinessCalendar = {
  timeZone: string;
  /** Working intervals per weekday, sorted and not overlapping. */
  weekly: Record<Weekday, Interval[]>;
  /** Local dates ("2026-12-25") on which no hour counts. */
  holidays: readonly string[];
};

const MINUTE = 60_000;
const DAY = 86_400_000;
/** How far the arithmetic looks ahead or back before giving up (a calendar with no hours at all). */
const MAX_DAYS = 3 * 366;

/** Every hour of every day, in UTC: what counts when a workspace has no business hours. */
export const ALWAYS_OPEN: BusinessCalendar = {
  timeZone: "UTC",
  weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, [{ start: 0, end: 1440 }]])) as Record<Weekday, Interval[]>,
  holidays: [],
};

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows the time zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in milliseconds (east positive), read through Intl. */
function intlOffsetAt(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour! % 24, parts.minute!, parts.second!);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * Per zone and UTC day: the zone's offset when it is the same at the day's start and end (so all day
 * long: no zone changes its offset twice within a day), or null on a day of a change. Reading a
 * ticket's SLA walks every day between two instants, each day a few offsets; Intl costs
 * microseconds per call, so without this a target missed months ago cost milliseconds per read.
 */
const dayOffsets = new Map<string, Map<number, number | null>>();
const DAYS_KEPT_PER_ZONE = 8192;

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
function offsetAt(instant: number, timeZone: string): number {
  if (timeZone === "UTC") return 0;
  let days = dayOffsets.get(timeZone);
  if (!days) dayOffsets.set(timeZone, (days = new Map()));
  const day = Math.floor(instant / DAY);
  let offset = days.get(day);
  if (offset === undefined) {
    const start = intlOffsetAt(day * DAY, timeZone);
    offset = start === intlOffsetAt((day + 1) * DAY, timeZone) ? start : null;
    if (days.size >= DAYS_KEPT_PER_ZONE) days.clear();
    days.set(day, offset);
  }
  return offset ?? intlOffsetAt(instant, timeZone);
}

/**
 * The instant a local wall time names (`localDay`: the date as its UTC midnight). As Temporal's
 * "compatible" choice: in a spring-forward gap (a time that does not exist) the instant as far past
 * the change as the time is past it, i.e. 02:30 reads as 03:30; in a fall-back overlap the earlier.
 */
export function instantOf(localDay: number, minutes: number, timeZone: string): number {
  const wall = localDay + minutes * MINUTE;
  const readsBack = (t: number) => t + offsetAt(t, timeZone) === wall;
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  const found = [first, second].filter(readsBack).sort((x, y) => x - y)[0];
  if (found === undefined) return Math.max(first, second);
  // A fall-back overlap names the wall time twice: the earlier instant has the earlier (larger) offset.
  const earlier = wall - offsetAt(found - 3 * 3_600_000, timeZone);
  return earlier < found && readsBack(earlier) ? earlier : found;
}

/** The local date of an instant, as the UTC midnight of that date (a day key) and its weekday. */
function localDayOf(instant: number, timeZone: string): number {
  return Math.floor((instant + offsetAt(instant, timeZone)) / DAY) * DAY;
}
const isoDate = (dayKey: number) => new Date(dayKey).toISOString().slice(0, 10);

/** The working spans of one local day, as instants, in order. */
function spansOf(calendar: BusinessCalendar, dayKey: number, holidays: ReadonlySet<string>): [number, number][] {
  if (holidays.has(isoDate(dayKey))) return [];
  const weekday = WEEKDAYS[new Date(dayKey).getUTCDay()]!;
  return calendar.weekly[weekday].flatMap(({ start, end }) => {
    const from = instantOf(dayKey, start, calendar.timeZone);
    const to = instantOf(dayKey, end, calendar.timeZone);
    return to > from ? [[from, to] as [number, number]] : [];
  });
}

/** Whether any hour ever counts (at least one weekday has an interval). */
export function hasHours(calendar: BusinessCalendar): boolean {
  return WEEKDAYS.some((d) => calendar.weekly[d].some((i) => i.end > i.start));
}

/**
 * The instant `minutes` business minutes after `start`. Zero minutes is `start` itself, even
 * outside business hours. Throws when the calendar has no hours.
 */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  if (minutes <= 0) return new Date(start);
  if (!hasHours(calendar)) throw new Error("The calendar has no business hours.");
  const holidays = new Set(calendar.holidays);
  let remaining = minutes * MINUTE;
  let day = localDayOf(start.getTime(), calendar.timeZone) - DAY;
  for (let i = 0; i < MAX_DAYS; i++, day += DAY) {
    for (const [from, to] of spansOf(calendar, day, holidays)) {
      const begin = Math.max(from, start.getTime());
      if (to <= begin) continue;
      if (to - begin >= remaining) return new Date(begin + remaining);
      remaining -= to - begin;
    }
  }
  throw new Error("The calendar has too few business hours to reach the target.");
}

/** Business minutes between two instants (zero when `to` is not after `from`), to the millisecond. */
export function businessMinutesBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  const holidays = new Set(calendar.holidays);
  let total = 0;
  const last = localDayOf(b, calendar.timeZone) + DAY;
  for (let day = localDayOf(a, calendar.timeZone) - DAY; day <= last; day += DAY) {
    for (const [start, end] of spansOf(calendar, day, holidays)) {
      const lo = Math.max(start, a);
      const hi = Math.min(end, b);
      if (hi > lo) total += hi - lo;
    }
  }
  return total / MINUTE;
}

/** "09:30" → 570; "24:00" → 1440. */
export function parseClock(value: string): number {
  const [h, m] = value.split(":").map(Number);
  return h! * 60 + m!;
}

/** 570 → "09:30". */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
