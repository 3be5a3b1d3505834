import type { z } from "zod";

/** What a handler learns about the job it runs. */
export type JobRun = {
  /** The job's id: the same on every retry of one job, so handlers key their idempotency records on it. */
  id: string;
  /** 0 on the first attempt. */
  retryCount: number;
};

/**
 * What the queue and every producer know of a kind of job: its name, payload schema and how the
 * queue treats it, without its handler. Producers enqueue by spec, so the queue never loads the
 * handlers (which call the services that produce jobs).
 */
export type JobSpec<S extends z.ZodType = z.ZodType> = {
  /** Queue name: lower case, digits and hyphens. */
  name: string;
  payload: S;
  /** Attempts after the first before the job is dead-lettered. */
  retryLimit: number;
  /**
   * Seconds before the first retry; doubled on each further one when `backoff` is set. A function
   * when it comes from the environment: read when the queue declares the kind, not at import (a
   * build has no environment).
   */
  retryDelaySeconds: number | (() => number);
  backoff: boolean;
  /** A running attempt that takes longer than this fails (and is retried). */
  expireInSeconds: number;
  /** Five-field cron expression (UTC) when the kind also runs on a schedule; its payload is `{}`. */
  cron?: string;
  /** Jobs one worker process runs at a time. */
  concurrency: number;
};

/**
 * One kind of background job: its spec and its handler. Delivery is at least once, so a handler
 * must be safe to run twice for one job (see `runOnce`).
 */
export type JobKind<S extends z.ZodType = z.ZodType> = JobSpec<S> & {
  // Method syntax: a kind with a narrower payload is still a JobKind in the registry's list.
  handle(payload: z.infer<S>, run: JobRun): Promise<void>;
};

const NAME = /^[a-z][a-z0-9-]{0,40}$/;

/** Declares a job spec with the queue's defaults (3 retries from 30 s with exponential backoff). */
export function defineJobSpec<S extends z.ZodType>(
  spec: Pick<JobSpec<S>, "name" | "payload"> & Partial<JobSpec<S>>,
): JobSpec<S> {
  if (!NAME.test(spec.name)) throw new Error(`Job kind "${spec.name}": use lower case, digits and hyphens`);
  return { retryLimit: 3, retryDelaySeconds: 30, backoff: true, expireInSeconds: 15 * 60, concurrency: 1, ...spec };
}

/** Declares a job kind: a spec (or the fields of one, with the defaults) and its handler. */
export function defineJobKind<S extends z.ZodType>(
  kind: Pick<JobKind<S>, "name" | "payload" | "handle"> & Partial<JobKind<S>>,
): JobKind<S> {
  return { ...defineJobSpec(kind), handle: kind.handle };
}

/** The retry delay in seconds, read now. */
export function retryDelayOf(spec: Pick<JobSpec, "retryDelaySeconds">): number {
  return typeof spec.retryDelaySeconds === "function" ? spec.retryDelaySeconds() : spec.retryDelaySeconds;
}

/** The queue a kind's jobs land in once their retries are spent. */
export function deadLetterQueueOf(kind: Pick<JobSpec, "name">): string {
  return `${kind.name}__dead`;
}
