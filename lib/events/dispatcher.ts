import "server-only";
import { prisma } from "@/lib/db";
import { EVENT_CONSUMERS } from "@/lib/events/consumers";
import type { ClaimedEvent, DomainEventType } from "@/lib/events/types";
import type { JobQueue } from "@/lib/jobs/queue";

// Moves committed events onto the job queue: one job per event and consumer that wants it, keyed by the event, so
// two dispatchers (two worker processes) or a retried batch never enqueue one twice. A batch is
// claimed first; one claimed by a dispatcher that died is taken again after CLAIM_TIMEOUT.

const BATCH = 200;
const CLAIM_TIMEOUT_SECONDS = 60;

/** Dispatches one batch of waiting events; returns how many it handled. */
export async function dispatchEvents(queue: JobQueue): Promise<number> {
  const rows = await prisma.$queryRaw<
    { id: string; workspaceId: string; type: DomainEventType; data: unknown; actorUserId: string | null }[]
  >`
    UPDATE "DomainEvent" SET "claimedAt" = now()
     WHERE id IN (
       SELECT id FROM "DomainEvent"
        WHERE "dispatchedAt" IS NULL
          AND ("claimedAt" IS NULL OR "claimedAt" < now() - make_interval(secs => ${CLAIM_TIMEOUT_SECONDS}))
        ORDER BY "createdAt"
        LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED)
    RETURNING id, "workspaceId", type, data, "actorUserId"`;
  if (rows.length === 0) return 0;
  const claimed: ClaimedEvent[] = rows.map((row) => ({
    ...row,
    data: (row.data ?? {}) as Record<string, unknown>,
  }));
  for (const consumer of EVENT_CONSUMERS) {
    const accepted = consumer.accepts ? claimed.filter((event) => consumer.accepts!.includes(event.type)) : claimed;
    const wanted = consumer.wants && accepted.length > 0 ? await consumer.wants(accepted) : accepted;
    await queue.enqueueMany(
      consumer,
      wanted.map((event) => ({ payload: { eventId: event.id }, idempotencyKey: event.id })),
    );
  }
  const ids = claimed.map((event) => event.id);
  await prisma.$executeRaw`UPDATE "DomainEvent" SET "dispatchedAt" = now() WHERE id = ANY(${ids}::text[])`;
  return claimed.length;
}

export type Dispatcher = { stop(): Promise<void> };

/**
 * Runs the dispatcher beside the job workers: a batch every `intervalMs` while idle, batches back to
 * back while events wait. A failed round (the database away) is logged and tried again.
 */
export function startEventDispatcher(queue: JobQueue, intervalMs = 500): Dispatcher {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const round = async () => {
    try {
      while (!stopped && (await dispatchEvents(queue)) === BATCH);
    } catch (error) {
      console.error("[events] dispatch failed:", error instanceof Error ? error.message : error);
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round().finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
