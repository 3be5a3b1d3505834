// The job queue on the suite's database (embedded, or PostgreSQL with DATABASE_URL): two workers
// sharing one queue, retries with backoff into the dead-letter queue, idempotency keys, a scheduled
// job, and the audit-retention job doing its real work. Test-only kinds go through the same
// defineJobKind as the app's own.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { afterAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { createTestWorkspace } from "../support/fixtures";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { defineJobKind, type JobKind } from "@/lib/jobs/kind";
import { JobQueue } from "@/lib/jobs/queue";
import { auditRetention } from "@/lib/jobs/handlers/audit-retention";
import { runOnce } from "@/lib/jobs/run-once";
import { until as untilWithin } from "../support/until";

/** The queue works in its own time, a schedule a cron tick at a time: up to 90 s. */
const until = (what: string, check: () => Promise<unknown> | unknown) => untilWithin(what, check, 90_000);

const databaseUrl = inject("databaseUrl");
const suffix = randomBytes(3).toString("hex");
const queues: JobQueue[] = [];

/** A queue of this test's own; `serve` starts its workers for the given kinds only. */
function startQueue(kinds: readonly JobKind[], options: { cronCheckSeconds?: number } = {}) {
  const queue = new JobQueue({ connectionString: databaseUrl, pollingIntervalSeconds: 0.5, ...options });
  queues.push(queue);
  return Object.assign(queue, { serve: () => queue.work(kinds) });
}

async function healthOf(queue: JobQueue, kind: string) {
  const row = (await queue.health()).find((h) => h.kind === kind);
  if (!row) throw new Error(`no health row for ${kind}`);
  return row;
}

afterAll(async () => {
  await Promise.all(queues.map((queue) => queue.stop()));
});

describe("two workers on one queue", () => {
  it("share 200 jobs and complete each exactly once", async () => {
    const name = `test-share-${suffix}`;
    const effective = new Map<string, string[]>();
    const kindFor = (worker: string) =>
      defineJobKind({
        name,
        payload: z.strictObject({ n: z.number().int() }),
        concurrency: 10,
        async handle(_payload, run) {
          const ran = await runOnce(name, run.id, async (tx) => {
            // The effect commits with the receipt: a stand-in for the handler's real write.
            await tx.$executeRaw`SELECT 1`;
          });
          if (ran) effective.set(run.id, [...(effective.get(run.id) ?? []), worker]);
        },
      });
    const kindA = kindFor("a");
    const a = startQueue([kindA]);
    const b = startQueue([kindFor("b")]);
    await Promise.all([a.start(), b.start()]);
    const ids = new Set<string>();
    for (let n = 0; n < 200; n++) ids.add((await a.enqueue(kindA, { n })).id);
    expect(ids.size).toBe(200);
    await Promise.all([a.serve(), b.serve()]);

    await until("all 200 jobs complete", async () => {
      const h = await healthOf(a, name);
      return h.waiting === 0 && h.running === 0 && effective.size === 200;
    });
    const receipts = await prisma.jobReceipt.findMany({ where: { kind: name }, select: { key: true } });
    expect(new Set(receipts.map((r) => r.key))).toEqual(ids);
    expect([...effective.values()].every((workers) => workers.length === 1)).toBe(true);
    const byWorker = (w: string) => [...effective.values()].filter((workers) => workers[0] === w).length;
    expect(byWorker("a")).toBeGreaterThan(0);
    expect(byWorker("b")).toBeGreaterThan(0);
    expect(byWorker("a") + byWorker("b")).toBe(200);
    expect(await healthOf(a, name)).toMatchObject({ waiting: 0, running: 0, failed: 0, dead: 0 });
    expect((await healthOf(a, name)).lastCompletedAt).toBeInstanceOf(Date);
  });

  it("a receipt makes a second delivery of the same job a no-op", async () => {
    const kind = `test-receipt-${suffix}`;
    let effects = 0;
    const effect = async () => void effects++;
    const results = await Promise.all([runOnce(kind, "job-1", effect), runOnce(kind, "job-1", effect)]);
    expect(results.sort()).toEqual([false, true]);
    expect(effects).toBe(1);
  });
});

describe("retries and dead letters", () => {
  it("retries a failing job with backoff, then moves it to the dead-letter queue", async () => {
    const name = `test-fail-${suffix}`;
    const attempts: number[] = [];
    const failing = defineJobKind({
      name,
      payload: z.strictObject({ order: z.string() }),
      retryLimit: 2,
      retryDelaySeconds: 1,
      backoff: true,
      async handle(_payload, run) {
        attempts.push(run.retryCount);
        throw new Error("the mail server said no");
      },
    });
    const queue = startQueue([failing]);
    await queue.serve();
    await queue.enqueue(failing, { order: "A-1" });

    await until("the job is dead-lettered", async () => (await healthOf(queue, name)).dead === 1);
    expect(attempts).toEqual([0, 1, 2]);
    expect(await healthOf(queue, name)).toMatchObject({ waiting: 0, running: 0, failed: 0, dead: 1 });
    const rows = await prisma.$queryRaw<{ name: string; state: string; data: unknown; retry_backoff: boolean }[]>`
      SELECT name, state::text AS state, data, retry_backoff FROM pgboss.job
      WHERE name IN (${name}, ${`${name}__dead`}) ORDER BY name`;
    expect(rows).toEqual([
      { name, state: "failed", data: { order: "A-1" }, retry_backoff: true },
      { name: `${name}__dead`, state: "created", data: { order: "A-1" }, retry_backoff: false },
    ]);
  });
});

describe("enqueueing", () => {
  const name = `test-enqueue-${suffix}`;
  const kind = defineJobKind({
    name,
    payload: z.strictObject({ ticketId: z.string().min(1) }),
    handle: async () => {},
  });

  it("dedupes jobs enqueued with one idempotency key", async () => {
    // Never worked here: the jobs stay waiting, so the count is exact.
    const queue = startQueue([kind]);
    const first = await queue.enqueue(kind, { ticketId: "t1" }, { idempotencyKey: "ticket-t1" });
    const again = await queue.enqueue(kind, { ticketId: "t1" }, { idempotencyKey: "ticket-t1" });
    const other = await queue.enqueue(kind, { ticketId: "t2" }, { idempotencyKey: "ticket-t2" });
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(other.created).toBe(true);
    expect(other.id).not.toBe(first.id);
    expect((await healthOf(queue, name)).waiting).toBe(2);
  });

  it("refuses a payload that does not fit the kind's schema, naming the field", async () => {
    const queue = startQueue([kind]);
    const refusal = await queue.enqueue(kind, { ticketId: "" }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe("validation_error");
    expect(JSON.stringify((refusal as AppError).fields)).toContain("ticketId");
  });
});

describe("scheduled jobs", () => {
  it("runs a kind on its cron schedule", async () => {
    const name = `test-cron-${suffix}`;
    let runs = 0;
    const everyMinute = defineJobKind({
      name,
      payload: z.strictObject({}),
      cron: "* * * * *",
      handle: async () => void runs++,
    });
    // Schedules are checked every second here (30 s by default), so the first check fires it.
    const queue = startQueue([everyMinute], { cronCheckSeconds: 1 });
    await queue.serve();
    await until("the scheduled job runs", () => runs > 0);
    expect((await healthOf(queue, name)).lastCompletedAt).toBeInstanceOf(Date);
  });
});

describe("audit-retention", () => {
  it("deletes audit events older than the plan keeps, and nothing newer", async () => {
    const ws = await createTestWorkspace("retention");
    await prisma.workspace.update({ where: { id: ws.workspace.id }, data: { planTier: "starter" } });
    const day = 86_400_000;
    const event = (ageDays: number, action: string) => ({
      workspaceId: ws.workspace.id,
      via: "web" as const,
      action,
      createdAt: new Date(Date.now() - ageDays * day),
    });
    await prisma.auditEvent.createMany({
      data: [event(120, "retention.old"), event(91, "retention.old"), event(10, "retention.recent")],
    });
    // Served alone: the suite's other files share this database, and their jobs are the app's to run.
    const queue = startQueue([auditRetention]);
    await queue.serve();
    await queue.enqueue(auditRetention, {});
    await until("the old events are gone", async () => {
      const old = await prisma.auditEvent.count({ where: { workspaceId: ws.workspace.id, action: "retention.old" } });
      return old === 0;
    });
    const left = await prisma.auditEvent.count({ where: { workspaceId: ws.workspace.id, action: "retention.recent" } });
    expect(left).toBe(1);
  });
});

describe("npm run worker", () => {
  it("serves the queues in a process of its own and stops cleanly on SIGTERM", async () => {
    // Started as an operator would beside `npm start` with no secrets in its environment: it takes
    // the server's (the generated ones), and serves rather than failing every job that signs.
    const { AUTH_SECRET: _auth, SECRET_ENCRYPTION_KEY: _key, ...environment } = process.env;
    const child = spawn(process.execPath, ["--experimental-wasm-modules", "--no-warnings", "scripts/worker.mjs"], {
      env: { ...environment, DATABASE_URL: databaseUrl, DATABASE_POOL_MAX: "2" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
    const exited = once(child, "exit");
    try {
      await until("the worker starts", () => out.includes("[jobs] worker serving audit-retention"));
    } finally {
      child.kill("SIGTERM");
    }
    const [code] = (await exited) as [number | null];
    expect(out).toContain("[jobs] worker stopped");
    expect(code).toBe(0);
  });
});
