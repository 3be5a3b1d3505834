import type { z } from "zod";

/** What a handler learns about the job it runs. */
export type JobRun = {
  /** The job's id: the same on every retry of one job, so handlers key their idempotency records on it. */
  id: string;
  /** 0 on the first attempt. */
  retryCount: number;
};

/**
 * One kind of background job: its payload schema, its handler, and how the queue treats it.
 * Delivery is at least once, so a handler must be safe to run twice for one job (see `runOnce`).
 */
export type JobKind<S extends z.ZodType = z.ZodType> = {
  /** Queue name: lower case, digits and hyphens. */
  name: string;
  payload: S;
  /** Attempts after the first before the job is dead-lettered. */
  retryLimit: number;
  /** Seconds before the first retry; doubled on each further one when `backoff` is set. */
  retryDelaySeconds: number;
  backoff: boolean;
  /** A running attempt that takes longer than this fails (and is retried). */
  expireInSeconds: number;
  /** Five-field cron expression (UTC) when the kind also runs on a schedule; its payload is `{}`. */
  cron?: string;
  /** Jobs one worker process runs at a time. */
  concurrency: number;
  handle: (payload: z.infer<S>, run: JobRun) => Promise<void>;
};

const NAME = /^[a-z][a-z0-9-]{0,40}$/;

/** Declares a job kind with the queue's defaults (3 retries from 30 s with exponential backoff). */
export function defineJobKind<S extends z.ZodType>(
  kind: Pick<JobKind<S>, "name" | "payload" | "handle"> & Partial<JobKind<S>>,
): JobKind<S> {
  if (!NAME.test(kind.name)) throw new Error(`Job kind "${kind.name}": use lower case, digits and hyphens`);
  return { retryLimit: 3, retryDelaySeconds: 30, backoff: true, expireInSeconds: 15 * 60, concurrency: 1, ...kind };
}

/** The queue a kind's jobs land in once their retries are spent. */
export function deadLetterQueueOf(kind: Pick<JobKind, "name">): string {
  return `${kind.name}__dead`;
}
