/**
 * The one way the app writes a date for a person: relative while it is recent ("5 min ago",
 * "in 3 days"), the calendar date beyond a week, and the exact time (with its zone) for the hover
 * text. Every page and component goes through here, in the reader's time zone and locale.
 */

export type DateSettings = {
  /** IANA time zone; undefined follows the runtime (the browser, once the page is live). */
  timeZone?: string;
  /** BCP 47 locale; undefined follows the runtime. */
  locale?: string;
};

/** Time zones Intl knows (UTC is valid everywhere but not always listed). */
export function isValidTimeZone(value: string): boolean {
  if (!value || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Locales Intl accepts, in their canonical spelling ("en-gb" → "en-GB"), else null. */
export function canonicalLocale(value: string): string | null {
  if (!value || value.length > 35) return null;
  try {
    return Intl.getCanonicalLocales(value)[0] ?? null;
  } catch {
    return null;
  }
}

/** The time zones to offer in a picker. */
export function listTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

function formatter(settings: DateSettings, options: Intl.DateTimeFormatOptions) {
  try {
    return new Intl.DateTimeFormat(settings.locale, { ...options, timeZone: settings.timeZone });
  } catch {
    // A setting this runtime does not know (an older browser's zone list) falls back to its own.
    return new Intl.DateTimeFormat(undefined, options);
  }
}

const asDate = (value: Date | string | number) => (value instanceof Date ? value : new Date(value));

/** The exact moment, minute precision, with the zone it is written in: the hover text. */
export function formatExact(value: Date | string | number, settings: DateSettings = {}): string {
  return formatter(settings, {
    weekday: "short",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(asDate(value));
}

/** The calendar date ("2 Dec 2026"), for dates without a meaningful time (expiry days). */
export function formatDay(value: Date | string | number, settings: DateSettings = {}): string {
  return formatter(settings, { year: "numeric", month: "short", day: "numeric" }).format(asDate(value));
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Beyond this, a relative time stops helping and the date is shown. */
const RELATIVE_LIMIT = 7 * DAY;

/** "just now", "5 min ago", "in 2 hr", "yesterday", else the calendar date. */
export function formatRelative(value: Date | string | number, now: number, settings: DateSettings = {}): string {
  const date = asDate(value);
  const diff = date.getTime() - now;
  const distance = Math.abs(diff);
  if (distance >= RELATIVE_LIMIT) return formatDay(date, settings);
  let words: Intl.RelativeTimeFormat;
  try {
    words = new Intl.RelativeTimeFormat(settings.locale, { style: "short", numeric: "auto" });
  } catch {
    words = new Intl.RelativeTimeFormat(undefined, { style: "short", numeric: "auto" });
  }
  if (distance < 45_000) return words.format(0, "second");
  const sign = diff < 0 ? -1 : 1;
  if (distance < HOUR) return words.format(sign * Math.max(1, Math.round(distance / MINUTE)), "minute");
  if (distance < DAY) return words.format(sign * Math.round(distance / HOUR), "hour");
  return words.format(sign * Math.round(distance / DAY), "day");
}
