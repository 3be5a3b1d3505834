import "server-only";
import { prisma } from "@/lib/db";

// Calls, errors and 429s per credential and per workspace per day, counted in
// memory and added to UsageDaily in one statement every second (and on exit).

type Counts = { calls: number; errors: number; rateLimited: number };
const FLUSH_MS = 1_000;

const state = globalThis as unknown as {
  deskbridgeUsage?: { pending: Map<string, Counts>; timer: NodeJS.Timeout | null };
};
const usage = (state.deskbridgeUsage ??= { pending: new Map(), timer: null });

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
}

export async function flushUsage() {
  if (usage.timer) clearTimeout(usage.timer);
  usage.timer = null;
  if (usage.pending.size === 0) return;
  const rows = [...usage.pending.entries()];
  usage.pending.clear();
  const ws = rows.map(([k]) => k.split("|")[0]!);
  const subjects = rows.map(([k]) => k.split("|")[1]!);
  const days = rows.map(([k]) => k.split("|")[2]!);
  try {
    await prisma.$executeRaw`
      INSERT INTO "UsageDaily" ("workspaceId", subject, day, calls, errors, "rateLimited")
      SELECT * FROM unnest(${ws}::text[], ${subjects}::text[], ${days}::date[], ${rows.map(([, c]) => c.calls)}::int[], ${rows.map(([, c]) => c.errors)}::int[], ${rows.map(([, c]) => c.rateLimited)}::int[])
      ON CONFLICT ("workspaceId", subject, day) DO UPDATE SET
        calls = "UsageDaily".calls + EXCLUDED.calls,
        errors = "UsageDaily".errors + EXCLUDED.errors,
        "rateLimited" = "UsageDaily"."rateLimited" + EXCLUDED."rateLimited"`;
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
