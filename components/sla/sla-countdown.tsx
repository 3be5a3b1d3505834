"use client";

import { useEffect, useState } from "react";
import type { SlaState, SlaTargetState } from "@/lib/services/sla/compute";

/** "2 h 05 m", "3 d 4 h", "45 s". */
export function formatDuration(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${String(m).padStart(2, "0")} m`;
  if (m > 0) return `${m} m ${String(s % 60).padStart(2, "0")} s`;
  return `${s % 60} s`;
}

const TONES: Record<string, string> = {
  running: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  soon: "bg-amber-50 text-amber-800 ring-amber-200",
  missed: "bg-rose-50 text-rose-800 ring-rose-200",
  paused: "bg-slate-50 text-slate-700 ring-slate-200",
  met: "bg-slate-50 text-slate-600 ring-slate-200",
};

function Target({
  label,
  target,
  elapsed,
  testId,
}: {
  label: string;
  target: SlaTargetState;
  elapsed: number;
  testId: string;
}) {
  if (target.state === "none") return null;
  let text: string;
  let tone: string = target.state;
  if (target.state === "met") text = "met";
  else if (target.state === "missed" && target.remaining_seconds === null) text = "missed";
  else {
    // Business seconds left, counted down in real time while the clock runs (an estimate across
    // closing time; the page reloads the exact figure on every visit).
    const left = (target.remaining_seconds ?? 0) - (target.state === "paused" ? 0 : elapsed);
    if (left <= 0) {
      tone = "missed";
      text = `overdue by ${formatDuration(left)}`;
    } else {
      if (target.state !== "paused" && left <= 3600) tone = "soon";
      text = `${formatDuration(left)} left${target.state === "paused" ? " (paused)" : ""}`;
    }
  }
  return (
    <div
      className={`flex items-center justify-between rounded-md px-2 py-1 text-sm ring-1 ${TONES[tone]}`}
      data-testid={testId}
      data-state={tone}
    >
      <span>{label}</span>
      <span className="font-medium tabular-nums">{text}</span>
    </div>
  );
}

/** The ticket's SLA targets, counting down each second while its clock runs. */
export function SlaCountdown({ sla }: { sla: SlaState }) {
  const [elapsed, setElapsed] = useState(0);
  const running = !sla.paused && [sla.first_response, sla.resolution].some((t) => t.remaining_seconds !== null);
  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [running]);
  if (!sla.policy) return null;
  return (
    <section className="space-y-1.5 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid="sla">
      <h2 className="flex items-center justify-between text-sm font-semibold">
        <span>SLA · {sla.policy.name}</span>
        {sla.breached ? (
          <span className="rounded bg-rose-600 px-1.5 py-0.5 text-xs font-medium text-white" data-testid="sla-breached">
            Breached
          </span>
        ) : sla.paused ? (
          <span className="text-xs font-normal text-slate-500">Clock paused</span>
        ) : null}
      </h2>
      <Target label="First response" target={sla.first_response} elapsed={elapsed} testId="sla-first-response" />
      <Target label="Resolution" target={sla.resolution} elapsed={elapsed} testId="sla-resolution" />
    </section>
  );
}
