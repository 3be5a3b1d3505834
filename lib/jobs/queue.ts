import "server-only";
import { createHash } from "node:crypto";
import PgBoss from "pg-boss";
import type { z } from "zod";
import { getEnv } from "@/lib/env";
import { parseInput } from "@/lib/errors";
import { deadLetterQueueOf, retryDelayOf, type JobKind, type JobSpec } from "@/lib/jobs/kind";

// The job queue: pg-boss on the app's own database (its tables live in the "pgboss" schema, which
// pg-boss creates and migrates itself at start). Workers poll with SELECT … FOR UPDATE SKIP LOCKED,
// so any number of processes share a queue and each job goes to one of them at a time.

const SCHEMA = "pgboss";

export type JobQueueOptions = {
  connectionString: string;
  /** Connections this queue may hold. */
  poolMax?: number;
  /** How often an idle worker looks for jobs, and how often schedules are checked. */
  pollingIntervalSeconds?: number;
  cronCheckSeconds?: number;
  /** Whether this instance also keeps schedules and the queue's upkeep (workers do; producers need not). */
  supervise?: boolean;
};

export type EnqueueOptions = {
  /** Jobs enqueued twice with one key are one job (until it is archived, 7 days after it finishes). */
  idempotencyKey?: string;
  startAfter?: Date;
};

export type KindHealth = {
  kind: string;
  waiting: number;
  running: number;
  /** Jobs whose last attempt failed, waiting for their retry. */
  failed: number;
  /** Jobs whose retries ran out. */
  dead: number;
  lastCompletedAt: Date | null;
};

/** A job's id derived from its kind and idempotency key, so a second enqueue collides with the first. */
function idempotentId(kind: string, key: string): string {
  const hex = createHash("sha256").update(`${kind}\0${key}`).digest("hex");
  // Shaped as a version-5-style UUID (the column is uuid); the hash stays the identity.
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function errorOutput(error: unknown): object {
  return error instanceof Error ? { name: error.name, message: error.message } : { message: String(error) };
}

export class JobQueue {
  readonly #boss: PgBoss;
  readonly #polling: number;
  readonly #supervise: boolean;
  #starting: Promise<void> | null = null;
  #working = false;
  /** The kinds whose queues this process has declared (on first enqueue, or when it serves them). */
  readonly #declared = new Map<string, Promise<void>>();
  /** Each served kind's pg-boss worker, woken at once after a full batch. */
  readonly #workers = new Map<string, string>();

  constructor(options: JobQueueOptions) {
    this.#polling = options.pollingIntervalSeconds ?? 2;
    const supervise = options.supervise ?? true;
    this.#supervise = supervise;
    this.#boss = new PgBoss({
      connectionString: options.connectionString,
      schema: SCHEMA,
      max: options.poolMax ?? 2,
      application_name: "deskbridge-jobs",
      supervise,
      schedule: supervise,
      cronMonitorIntervalSeconds: options.cronCheckSeconds ?? 30,
      cronWorkerIntervalSeconds: Math.max(1, Math.min(5, options.cronCheckSeconds ?? 5)),
      // Finished jobs stay queryable (and their idempotency keys taken) for a week.
      archiveCompletedAfterSeconds: 7 * 86_400,
      deleteAfterDays: 7,
    });
    // pg-boss reports background trouble (a lost connection, a failed upkeep) as events; without a
    // listener Node would treat them as fatal.
    this.#boss.on("error", (error) => console.error("[jobs]", error.message));
  }

  /** Connects, and creates or migrates the queue's schema. */
  start(): Promise<void> {
    this.#starting ??= this.#boss
      .start()
      .then(() => undefined)
      .catch((error: unknown) => {
        // A later call starts over rather than handing back this failure for good.
        this.#starting = null;
        throw error;
      });
    return this.#starting;
  }

  /**
   * Creates a kind's queue and dead-letter queue once per process (creating an existing one changes
   * nothing). Instances starting together create the same queues (each creation adds tables), and
   * PostgreSQL may pick one of them as a deadlock victim; the creation is retried.
   */
  #declare(spec: JobSpec): Promise<void> {
    let declared = this.#declared.get(spec.name);
    if (!declared) {
      declared = (async () => {
        await this.start();
        for (let attempt = 1; ; attempt++) {
          try {
            await this.#boss.createQueue(deadLetterQueueOf(spec));
            await this.#boss.createQueue(spec.name, this.#settingsOf(spec));
            return;
          } catch (error) {
            const code = (error as { code?: string }).code;
            if (attempt >= 5 || (code !== "40P01" && code !== "23505")) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 200));
          }
        }
      })().catch((error: unknown) => {
        this.#declared.delete(spec.name);
        throw error;
      });
      this.#declared.set(spec.name, declared);
    }
    return declared;
  }

  #settingsOf(spec: JobSpec) {
    return {
      name: spec.name,
      retryLimit: spec.retryLimit,
      retryDelay: retryDelayOf(spec),
      retryBackoff: spec.backoff,
      expireInSeconds: spec.expireInSeconds,
      deadLetter: deadLetterQueueOf(spec),
    };
  }

  /**
   * Starts serving these kinds' queues in this process. Settings and schedules are the supervising
   * workers' to keep: a producer (a web instance with JOB_WORKERS=off) only makes sure the queues it
   * sends to exist, and never rewrites the retry settings its own environment would give them.
   */
  async work(kinds: readonly JobKind[]): Promise<void> {
    await this.start();
    if (this.#working) return;
    this.#working = true;
    for (const kind of kinds) {
      await this.#declare(kind);
      if (!this.#supervise) continue;
      await this.#boss.updateQueue(kind.name, this.#settingsOf(kind));
      if (kind.cron) await this.#boss.schedule(kind.name, kind.cron, {}, { tz: "UTC" });
      else await this.#boss.unschedule(kind.name);
    }
    for (const kind of kinds) {
      const options = {
        batchSize: kind.concurrency,
        pollingIntervalSeconds: this.#polling,
        includeMetadata: true as const,
      };
      const workerId = await this.#boss.work(kind.name, options, (jobs) => this.#runBatch(kind, jobs));
      this.#workers.set(kind.name, workerId);
    }
  }

  /** Runs a fetched batch job by job, so one job's failure retries that job alone. */
  async #runBatch(kind: JobKind, jobs: PgBoss.JobWithMetadata<unknown>[]): Promise<void> {
    await Promise.all(
      jobs.map(async (job) => {
        try {
          const payload: unknown = kind.payload.parse(job.data);
          await kind.handle(payload, { id: job.id, retryCount: job.retryCount });
        } catch (error) {
          // Failing it here takes it out of the batch; pg-boss completes the rest when this returns.
          await this.#boss.fail(kind.name, job.id, errorOutput(error));
        }
      }),
    );
    // A full batch means more are likely waiting: fetch again now rather than after the polling
    // interval, so a backlog drains at the handlers' pace, not one batch per interval.
    const workerId = this.#workers.get(kind.name);
    if (workerId && jobs.length >= kind.concurrency) this.#boss.notifyWorker(workerId);
  }

  /** Enqueues a job; its payload is checked against the kind's schema here, not first in the worker. */
  async enqueue<S extends z.ZodType>(
    spec: JobSpec<S>,
    payload: z.input<S>,
    options: EnqueueOptions = {},
  ): Promise<{ id: string; created: boolean }> {
    const { name } = spec;
    const data = parseInput(spec.payload, payload) as object;
    await this.#declare(spec);
    const id = options.idempotencyKey ? idempotentId(name, options.idempotencyKey) : undefined;
    const sent = await this.#boss.send(name, data, { id, startAfter: options.startAfter });
    return { id: sent ?? id ?? "", created: sent !== null };
  }

  /**
   * Enqueues many jobs of one kind in one statement; each has an idempotency key, and a key already
   * queued is skipped.
   */
  async enqueueMany<S extends z.ZodType>(
    spec: JobSpec<S>,
    items: readonly { payload: z.input<S>; idempotencyKey: string }[],
  ): Promise<void> {
    if (items.length === 0) return;
    const jobs = items.map((item) => ({
      id: idempotentId(spec.name, item.idempotencyKey),
      name: spec.name,
      data: parseInput(spec.payload, item.payload) as object,
    }));
    await this.#declare(spec);
    await this.#boss.insert(jobs);
  }

  /**
   * Per kind (every queue the workers declared, by name): waiting, running, failed and dead jobs,
   * and when one last completed.
   */
  async health(): Promise<KindHealth[]> {
    await this.start();
    const names = (await this.#boss.getQueues())
      .map((queue) => queue.name)
      .filter((name) => !name.endsWith(deadLetterQueueOf({ name: "" })))
      .sort();
    const deadNames = names.map((name) => deadLetterQueueOf({ name }));
    const db = this.#boss.getDb();
    const { rows } = await db.executeSql(
      `SELECT name,
          count(*) FILTER (WHERE state = 'created')::int AS waiting,
          count(*) FILTER (WHERE state = 'active')::int AS running,
          count(*) FILTER (WHERE state = 'retry')::int AS failed,
          count(*) FILTER (WHERE state IN ('created', 'retry'))::int AS queued,
          max(completed_on) FILTER (WHERE state = 'completed') AS last_completed
        FROM ${SCHEMA}.job WHERE name = ANY($1::text[]) GROUP BY name`,
      [[...names, ...deadNames]],
    );
    const { rows: archived } = await db.executeSql(
      `SELECT name, max(completed_on) AS last_completed FROM ${SCHEMA}.archive
        WHERE name = ANY($1::text[]) AND state = 'completed' GROUP BY name`,
      [names],
    );
    type Row = {
      name: string;
      waiting: number;
      running: number;
      failed: number;
      queued: number;
      last_completed: Date | null;
    };
    const byName = new Map((rows as Row[]).map((row) => [row.name, row]));
    const archivedAt = new Map(
      (archived as { name: string; last_completed: Date | null }[]).map((row) => [row.name, row.last_completed]),
    );
    return names.map((name) => {
      const row = byName.get(name);
      const times = [row?.last_completed, archivedAt.get(name)].filter((t): t is Date => t instanceof Date);
      return {
        kind: name,
        waiting: row?.waiting ?? 0,
        running: row?.running ?? 0,
        failed: row?.failed ?? 0,
        dead: byName.get(deadLetterQueueOf({ name }))?.queued ?? 0,
        lastCompletedAt: times.length ? new Date(Math.max(...times.map((t) => t.getTime()))) : null,
      };
    });
  }

  /** Stops taking jobs, waits for running ones to finish, and closes the connections. */
  async stop(): Promise<void> {
    if (!this.#starting) return;
    await this.#starting.catch(() => undefined);
    await this.#boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    this.#starting = null;
    this.#working = false;
    this.#workers.clear();
    this.#declared.clear();
  }
}

const globalForJobs = globalThis as unknown as { jobQueue?: JobQueue };

/** The process's queue on the app's database; enqueuing through it never runs jobs by itself. */
export function getJobQueue(): JobQueue {
  if (!globalForJobs.jobQueue) {
    const env = getEnv();
    globalForJobs.jobQueue = new JobQueue({
      connectionString: env.DATABASE_URL,
      poolMax: Math.max(2, Math.floor(env.DATABASE_POOL_MAX / 2)),
      supervise: env.JOB_WORKERS === "in-app",
    });
  }
  return globalForJobs.jobQueue;
}
