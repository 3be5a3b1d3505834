import { parseClock, WEEKDAYS, type BusinessCalendar, type Weekday } from "@/lib/services/sla/business-hours";

/** Stored weekly hours ({ mon: [{ start: "09:00", end: "17:00" }] }) as the arithmetic reads them. */
type StoredWeekly = Partial<Record<Weekday, { start: string; end: string }[]>>;

export function calendarOf(row: { timeZone: string; weekly: unknown; holidays: string[] }): BusinessCalendar {
  const weekly = row.weekly as StoredWeekly;
  return {
    timeZone: row.timeZone,
    weekly: Object.fromEntries(
      WEEKDAYS.map((d) => [d, (weekly[d] ?? []).map((i) => ({ start: parseClock(i.start), end: parseClock(i.end) }))]),
    ) as BusinessCalendar["weekly"],
    holidays: row.holidays,
  };
}
