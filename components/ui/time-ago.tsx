"use client";

import { createContext, useContext, useSyncExternalStore } from "react";
import { formatDay, formatExact, formatRelative, type DateSettings } from "@/lib/dates/format";

const DateSettingsContext = createContext<DateSettings>({});

/** The signed-in user's time zone and locale for every date below it; null follows the browser. */
export function DateSettingsProvider({
  timeZone,
  locale,
  children,
}: {
  timeZone: string | null;
  locale: string | null;
  children: React.ReactNode;
}) {
  return (
    <DateSettingsContext.Provider value={{ timeZone: timeZone ?? undefined, locale: locale ?? undefined }}>
      {children}
    </DateSettingsContext.Provider>
  );
}

// One shared clock for every date on the page, ticking in steps so relative times stay fresh.
const TICK = 15_000;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= setInterval(() => listeners.forEach((l) => l()), TICK);
  return () => {
    listeners.delete(listener);
    if (!listeners.size && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
const readClock = () => Math.floor(Date.now() / TICK) * TICK;
/** The server (and the first render in the browser) knows neither the reader's clock nor their zone. */
const noClock = () => null;

/**
 * A date as people read it: "5 min ago" (or the day, with `day`, or the full time, with `exact`),
 * and the exact time with its zone on hover. Rendered first in the user's chosen zone (UTC when
 * they follow the browser), then in the browser once the page is live.
 */
export function TimeAgo({
  date,
  mode = "relative",
  className,
  prefix,
}: {
  date: Date | string | number;
  mode?: "relative" | "day" | "exact";
  className?: string;
  /** Words before the date, inside the same element ("expires "). */
  prefix?: string;
}) {
  const chosen = useContext(DateSettingsContext);
  const now = useSyncExternalStore(subscribe, readClock, noClock);
  const value = date instanceof Date ? date : new Date(date);
  if (Number.isNaN(value.getTime())) return null;
  const settings: DateSettings =
    now === null ? { timeZone: chosen.timeZone ?? "UTC", locale: chosen.locale ?? "en-GB" } : chosen;
  const exact = formatExact(value, settings);
  const text =
    mode === "exact"
      ? exact
      : mode === "day" || now === null
        ? formatDay(value, settings)
        : formatRelative(value, now, settings);
  return (
    <time dateTime={value.toISOString()} title={exact} className={className} suppressHydrationWarning>
      {prefix}
      {text}
    </time>
  );
}
