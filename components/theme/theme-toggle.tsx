"use client";

import { useSyncExternalStore } from "react";
import { applyTheme, readThemePreference, THEME_CHANGE_EVENT, THEME_PREFERENCES, type ThemePreference } from "./theme";

const LABELS: Record<ThemePreference, string> = { system: "System", light: "Light", dark: "Dark" };

function subscribe(onChange: () => void) {
  window.addEventListener(THEME_CHANGE_EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(THEME_CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** The header's theme choice: follow the system setting, or always light, or always dark. */
export function ThemeToggle() {
  const preference = useSyncExternalStore(subscribe, readThemePreference, () => "system" as const);
  return (
    <select
      aria-label="Theme"
      value={preference}
      onChange={(event) => applyTheme(event.target.value as ThemePreference)}
      className="rounded-md bg-white py-0.5 pr-7 pl-2 text-sm text-slate-700 ring-1 ring-slate-300"
      data-testid="theme-toggle"
    >
      {THEME_PREFERENCES.map((p) => (
        <option key={p} value={p}>
          {LABELS[p]}
        </option>
      ))}
    </select>
  );
}
