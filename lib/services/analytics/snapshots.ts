import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A stored answer older than this is recomputed in the request (when no worker refreshed it). */
export const SNAPSHOT_MAX_AGE_MS = 15 * 60_000;
/** The refresh job (every five minutes) recomputes answers older than this. */
export const SNAPSHOT_REFRESH_AFTER_MS = 4 * 60_000;
/** Answers nobody asked for in this long are left to go stale (and are recomputed when asked again). */
const KEEP_REFRESHING_MS = 24 * 3_600_000;
/** readAt is written at most this often per answer, so serving an answer rarely writes. */
const READ_MARK_MS = 3_600_000;

export type Snapshotted<T> = T & { as_of: string };

/**
 * An analytics answer that reads a long period of tickets: served from its stored snapshot while
 * that is younger than SNAPSHOT_MAX_AGE_MS (the refresh-analytics job keeps it within about five
 * minutes), else computed now and stored. `as_of` says when it was computed.
 */
export async function readSnapshot<T extends object>(
  workspaceId: string,
  key: string,
  compute: () => Promise<T>,
): Promise<Snapshotted<T>> {
  const row = await prisma.analyticsSnapshot.findUnique({ where: { workspaceId_key: { workspaceId, key } } });
  const now = Date.now();
  if (row && now - row.computedAt.getTime() < SNAPSHOT_MAX_AGE_MS) {
    if (now - row.readAt.getTime() > READ_MARK_MS) {
      await prisma.analyticsSnapshot.update({
        where: { workspaceId_key: { workspaceId, key } },
        data: { readAt: new Date(now) },
      });
    }
    return row.payload as Snapshotted<T>;
  }
  return storeSnapshot(workspaceId, key, compute, new Date(now));
}

/** Computes an answer and stores it as the key's snapshot. */
export async function storeSnapshot<T extends object>(
  workspaceId: string,
  key: string,
  compute: () => Promise<T>,
  readAt?: Date,
): Promise<Snapshotted<T>> {
  const computedAt = new Date();
  const value = { ...(await compute()), as_of: computedAt.toISOString() };
  const payload = value as unknown as Prisma.InputJsonValue;
  await prisma.analyticsSnapshot.upsert({
    where: { workspaceId_key: { workspaceId, key } },
    create: { workspaceId, key, payload, computedAt, readAt: readAt ?? computedAt },
    update: { payload, computedAt, ...(readAt ? { readAt } : {}) },
  });
  return value;
}

/** The snapshots people still ask for that are due a refresh, oldest first. */
export async function dueSnapshots(limit = 200): Promise<{ workspaceId: string; key: string }[]> {
  const now = Date.now();
  return prisma.analyticsSnapshot.findMany({
    where: {
      readAt: { gt: new Date(now - KEEP_REFRESHING_MS) },
      computedAt: { lt: new Date(now - SNAPSHOT_REFRESH_AFTER_MS) },
    },
    orderBy: { computedAt: "asc" },
    take: limit,
    select: { workspaceId: true, key: true },
  });
}
