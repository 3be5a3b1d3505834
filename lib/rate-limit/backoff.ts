import "server-only";
import { counterStore, type CounterStore } from "@/lib/rate-limit/store";

// Growing waits after repeated failures, on the same counter store as every
// other limit (memory, or Redis/Upstash shared by all instances). A subject's
// failures are one counter; the failure that earns a wait also opens a
// one-point window as long as that wait, so "may it try now?" is two reads.

export type BackoffPolicy = {
  /** Key prefix in the store. */
  name: string;
  /** Failures that cost no wait. */
  free: number;
  /** The wait after the last free failure; it doubles with each failure after that. */
  firstWaitS: number;
  maxWaitS: number;
  /** Failures are forgotten this long after the first of them. */
  memoryS: number;
};

export type BackoffState = { failures: number; waitS: number };

// Large enough never to refuse: the count is read, the refusing is done by the waits.
const COUNT_CEILING = 1_000_000;

/** How long the wait after the `failures`-th failure lasts (0 while failures are free). */
export function waitAfter(policy: BackoffPolicy, failures: number): number {
  if (failures < policy.free) return 0;
  return Math.min(policy.maxWaitS, policy.firstWaitS * 2 ** (failures - policy.free));
}

const countKey = (policy: BackoffPolicy, subject: string) => `${policy.name}:${subject}`;
const waitKey = (policy: BackoffPolicy, subject: string, failures: number) => `${policy.name}:${subject}:${failures}`;

/** The subject's failures so far and the seconds it must still wait; spends nothing. */
export async function backoffState(
  policy: BackoffPolicy,
  subject: string,
  store: CounterStore = counterStore(),
): Promise<BackoffState> {
  const count = await store.peek(countKey(policy, subject), COUNT_CEILING, policy.memoryS);
  const failures = COUNT_CEILING - count.remaining;
  const wait = waitAfter(policy, failures);
  if (wait === 0) return { failures, waitS: 0 };
  const window = await store.peek(waitKey(policy, subject, failures), 1, wait);
  return { failures, waitS: window.remaining === 0 ? Math.max(1, Math.ceil(window.resetMs / 1000)) : 0 };
}

/** Counts one failure and starts the wait it earns; returns the count. */
export async function recordFailure(
  policy: BackoffPolicy,
  subject: string,
  store: CounterStore = counterStore(),
): Promise<number> {
  const hit = await store.hit(countKey(policy, subject), COUNT_CEILING, policy.memoryS);
  const failures = COUNT_CEILING - hit.remaining;
  const wait = waitAfter(policy, failures);
  if (wait > 0) await store.hit(waitKey(policy, subject, failures), 1, wait);
  return failures;
}

/** Forgets the subject's failures. */
export async function clearFailures(
  policy: BackoffPolicy,
  subject: string,
  store: CounterStore = counterStore(),
): Promise<void> {
  await store.reset(countKey(policy, subject), COUNT_CEILING, policy.memoryS);
}
