import "server-only";
import { prisma } from "@/lib/db";
import { onShutdown } from "@/lib/shutdown.mjs";

// Calls, errors and 429s per credential and per workspace per day, counted in
// memory and added to UsageDaily in one transaction every second (and on shutdown).

type Counts = { calls: number; errors: number; rateLimited: number };
const FLUSH_MS = 1_000;

const state = globalThis as unknown as {
  deskbridgeUsage?: { pending: Map<string, Counts>; timer: NodeJS.Timeout | null; flushing?: Promise<void> | null };
};
const usage = (state.deskbridgeUsage ??= { pending: new Map(), timer: null, flushing: null });

export const WORKSPACE_SUBJECT = "workspace";

export function recordUsage(workspaceId: string, credentialId: string, outcome: "ok" | "error" | "rate_limited") {
  const day = new Date().toISOString().slice(0, 10);
  for (const subject of [credentialId, WORKSPACE_SUBJECT]) {
    const key = `${workspaceId}|${subject}|${day}`;
    const counts = usage.pending.get(key) ?? { calls: 0, errors: 0, rateLimited: 0 };
    counts.calls += 1;
    if (outcome === "error") counts.errors += 1;
    if (outcome === "rate_limited") counts.rateLimited += 1;
    usage.pending.set(key, counts);
  }
  usage.timer ??= setTimeout(() => void flushUsage(), FLUSH_MS);
  flushUsageOnExit();
}

let hooked = false;
/** Adds the pending counts to UsageDaily when the server shuts down, or when a process runs out of work. */
function flushUsageOnExit() {
  if (hooked) return;
  hooked = true;
  onShutdown("usage", flushUsage);
  process.once("beforeExit", () => void flushUsage());
}

export async function flushUsage() {
  if (usage.timer) clearTimeout(usage.timer);
  usage.timer = null;
  // One write at a time, and a flush on shutdown waits for the one under way.
  while (usage.flushing) await usage.flushing;
  if (usage.pending.size === 0) return;
  const rows = [...usage.pending.entries()];
  usage.pending.clear();
  usage.flushing = writeUsage(rows).finally(() => {
    usage.flushing = null;
  });
  await usage.flushing;
}

async function writeUsage(rows: [string, Counts][]) {
  try {
    // All or nothing, so a failed flush can be retried without counting twice.
    await prisma.$transaction(
      rows.map(([key, c]) => {
        const [workspaceId, subject, day] = key.split("|") as [string, string, string];
        const id = { workspaceId, subject, day: new Date(day) };
        return prisma.usageDaily.upsert({
          where: { workspaceId_subject_day: id },
          create: { ...id, calls: c.calls, errors: c.errors, rateLimited: c.rateLimited },
          update: {
            calls: { increment: c.calls },
            errors: { increment: c.errors },
            rateLimited: { increment: c.rateLimited },
          },
          select: { day: true },
        });
      }),
    );
  } catch (error) {
    console.warn("[deskbridge] usage write failed, will retry:", error instanceof Error ? error.message : error);
    for (const [key, c] of rows) {
      const now = usage.pending.get(key) ?? { calls: 0, errors: 0, rateLimited: 0 };
      usage.pending.set(key, {
        calls: now.calls + c.calls,
        errors: now.errors + c.errors,
        rateLimited: now.rateLimited + c.rateLimited,
      });
    }
    usage.timer ??= setTimeout(() => void flushUsage(), FLUSH_MS * 5);
  }
}

export type UsageDay = { day: string; calls: number; errors: number; rate_limited: number };

/** The last `days` days for some subjects (credential or grant ids, or "workspace"), summed per day, oldest first. */
export async function getUsage(workspaceId: string, subjects: string[], days = 14): Promise<UsageDay[]> {
  const since = new Date(Date.now() - (days - 1) * 86_400_000);
  since.setUTCHours(0, 0, 0, 0);
  const rows = subjects.length
    ? await prisma.usageDaily.groupBy({
        by: ["day"],
        where: { workspaceId, subject: { in: subjects }, day: { gte: since } },
        _sum: { calls: true, errors: true, rateLimited: true },
      })
    : [];
  const byDay = new Map(rows.map((r) => [r.day.toISOString().slice(0, 10), r._sum]));
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(since.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    const sums = byDay.get(day);
    return { day, calls: sums?.calls ?? 0, errors: sums?.errors ?? 0, rate_limited: sums?.rateLimited ?? 0 };
  });
}
