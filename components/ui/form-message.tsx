"use client";

import { useEffect, useState } from "react";
import type { ActionState } from "@/lib/action-state";

/** How long a success line stays before it clears itself. */
const OK_VISIBLE_MS = 4_000;

/**
 * A form's outcome line: a success that clears itself after a few seconds, or
 * the error. Field messages appear here only for fields the form does not show
 * beside a control (`inline` names those), so nothing is said twice.
 */
export function FormMessage({ state, inline = [] }: { state: ActionState; inline?: readonly string[] }) {
  const [cleared, setCleared] = useState<ActionState | null>(null);
  useEffect(() => {
    if (state.status !== "ok") return;
    const timer = setTimeout(() => setCleared(state), OK_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [state]);
  if (state.status === "idle" || cleared === state) return null;
  const lines = [
    ...(state.message ? [state.message] : []),
    ...Object.entries(state.fields ?? {})
      .filter(([name]) => !inline.includes(name))
      .flatMap(([, messages]) => messages),
  ];
  if (lines.length === 0) return null;
  const error = state.status === "error";
  return (
    <div role={error ? "alert" : "status"} className={`text-sm ${error ? "text-rose-600" : "text-emerald-700"}`}>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
