import "server-only";
import { insertRows, prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { onShutdown } from "@/lib/shutdown.mjs";

// Tool-call audit rows are written in batches off the request path: a flush
// every FLUSH_MS or every MAX_BATCH rows, and on shutdown (lib/shutdown.mjs). A failed write is
// retried once with the next batch rather than dropped.
const FLUSH_MS = 200;
const MAX_BATCH = 200;
const MAX_PENDING = 20_000;

type Row = Prisma.AuditEventCreateManyInput;

const AUDIT_COLUMNS = {
  workspaceId: "text",
  actorUserId: "text",
  credentialId: "text",
  credentialKind: "text",
  via: '"public"."Via"',
  action: "text",
  outcome: "text",
  latencyMs: "integer",
  ip: "text",
  details: "jsonb",
  createdAt: "timestamp(3)",
} as const;

const state = globalThis as unknown as {
  deskbridgeAudit?: { rows: Row[]; timer: NodeJS.Timeout | null; flushing: Promise<void> | null };
};
const buffer = (state.deskbridgeAudit ??= { rows: [], timer: null, flushing: null });

/** Queues a row; its time is now, when the call ended, not when the batch is written. */
export function enqueueAudit(row: Row) {
  if (buffer.rows.length >= MAX_PENDING) buffer.rows.shift();
  buffer.rows.push({ outcome: "ok", ...row, createdAt: row.createdAt ?? new Date() });
  if (buffer.rows.length >= MAX_BATCH) void flushAudit();
  else buffer.timer ??= setTimeout(() => void flushAudit(), FLUSH_MS);
}

export async function flushAudit(): Promise<void> {
  if (buffer.timer) {
    clearTimeout(buffer.timer);
    buffer.timer = null;
  }
  if (buffer.flushing) await buffer.flushing;
  if (buffer.rows.length === 0) return;
  const batch = buffer.rows.splice(0, buffer.rows.length);
  buffer.flushing = insertRows(prisma, "AuditEvent", AUDIT_COLUMNS, batch)
    .then(() => undefined)
    .catch((error: unknown) => {
      console.warn("[deskbridge] audit write failed, will retry:", error instanceof Error ? error.message : error);
      buffer.rows.unshift(...batch.slice(0, MAX_PENDING - buffer.rows.length));
      buffer.timer ??= setTimeout(() => void flushAudit(), FLUSH_MS * 10);
    })
    .finally(() => {
      buffer.flushing = null;
    });
  await buffer.flushing;
}

let hooked = false;
/**
 * Flushes pending rows when the server shuts down (it runs the hooks after its last request, then
 * exits) or when a process runs out of work. Stopping the process is the server's call, not ours.
 */
export function flushAuditOnExit() {
  if (hooked) return;
  hooked = true;
  onShutdown("audit", flushAudit);
  process.once("beforeExit", () => void flushAudit());
}
