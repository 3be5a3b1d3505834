// The limiter alone: one request's windows, timed per call on the memory store
// and on Redis, sequentially, as a request does; on Redis also the commands
// sent per check (each one a round trip), counted by wrapping the client.
import Redis from "ioredis";
import { checkRateLimit, type RateLimitSubject } from "@/lib/rate-limit/limiter";
import { PLAN_LIMITS } from "@/lib/rate-limit/policies";
import { createMemoryStore, createRedisStore, type CounterStore } from "@/lib/rate-limit/store";

const CALLS = 20_000;
/** The goal for one check on Redis, sequential, one client. */
const GOAL_US = { p50: 100, p99: 200 };
const limits = { ...PLAN_LIMITS.enterprise, perSecond: 1e9, perMinute: 1e9, perDay: 1e9, oauthPerMinute: 1e9 };

let commands = 0;
const sendCommand = Redis.prototype.sendCommand;
Redis.prototype.sendCommand = function (this: Redis, ...args: Parameters<typeof sendCommand>) {
  commands++;
  return sendCommand.apply(this, args);
};

type Check = (store: CounterStore, subject: RateLimitSubject) => Promise<unknown>;

/** The former way, kept as the baseline: one store call (one round trip) per window, shortest first. */
const windowByWindow: Check = async (store, subject) => {
  for (const [suffix, points, durationS] of [
    ["s", subject.limits.perSecond, 1],
    ["m", subject.limits.perMinute, 60],
    ["d", subject.limits.perDay, 86_400],
  ] as const) {
    if (!(await store.hit(`${subject.identity}:${suffix}`, points, durationS)).allowed) return;
  }
};

async function time(store: CounterStore, label: string, subject: (i: number) => RateLimitSubject, check: Check) {
  const samples: number[] = [];
  for (let i = 0; i < 500; i++) await check(store, subject(i));
  const sent = commands;
  for (let i = 0; i < CALLS; i++) {
    const t = process.hrtime.bigint();
    await check(store, subject(i));
    samples.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.floor((p / 100) * samples.length)]!;
  const perCheck = (commands - sent) / CALLS;
  const p50 = at(50);
  const p99 = at(99);
  const goal =
    store.kind === "memory"
      ? ""
      : `   ${perCheck.toFixed(2)} round trips/check   p50 ${(p50 / GOAL_US.p50).toFixed(2)}× and p99 ${(p99 / GOAL_US.p99).toFixed(2)}× the goal (${p50 < GOAL_US.p50 && p99 < GOAL_US.p99 ? "met" : "missed"})`;
  return {
    p50,
    line: `${store.kind.padEnd(8)} ${label.padEnd(30)} p50 ${p50.toFixed(1).padStart(7)} µs   p99 ${p99.toFixed(1).padStart(7)} µs${goal}`,
  };
}

const redis = createRedisStore(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
await new Promise((r) => setTimeout(r, 300));
const threeWindows = (i: number) => ({ identity: `user-${i % 100}`, limits });
const withCeiling = (i: number) => ({
  identity: `user-${i % 100}`,
  limits,
  oauthWorkspaceId: `ws-${i % 10}`,
  accessScope: `ws-${i % 10}`,
});
console.log(
  `Limiter overhead per request (${CALLS} sequential checks each; goal on Redis: p50 < ${GOAL_US.p50} µs, p99 < ${GOAL_US.p99} µs)`,
);
const check = (store: CounterStore, subject: RateLimitSubject) => checkRateLimit(subject, store);
console.log((await time(createMemoryStore(), "3 windows", threeWindows, check)).line);
const baseline = await time(redis, "3 windows, a call per window", threeWindows, windowByWindow);
// Redis's own time in the script (its command statistics), apart from the round trip around it.
const pinger = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
const scriptStats = async () => {
  const line = /cmdstat_evalsha:calls=(\d+),usec=(\d+)/.exec(await pinger.info("commandstats"));
  return { calls: Number(line?.[1] ?? 0), usec: Number(line?.[2] ?? 0) };
};
const statsBefore = await scriptStats();
const one = await time(redis, "3 windows", threeWindows, check);
const statsAfter = await scriptStats();
const ceiling = await time(redis, "4 windows + access version", withCeiling, check);
// The floor on this machine: one round trip that does no work, on a client of its own.
const floor = await time(redis, "PING alone (round-trip floor)", threeWindows, () => pinger.ping());
for (const r of [baseline, one, ceiling, floor]) console.log(r.line);
console.log(`one script / a call per window (p50): ${(one.p50 / baseline.p50).toFixed(2)}`);
console.log(`one script / PING (p50): ${(one.p50 / floor.p50).toFixed(2)}`);
const scriptCalls = statsAfter.calls - statsBefore.calls;
if (scriptCalls > 0)
  console.log(
    `Redis's own time per 3-window script: ${((statsAfter.usec - statsBefore.usec) / scriptCalls).toFixed(1)} µs (INFO commandstats, ${scriptCalls} calls)`,
  );
process.exit(0);
