// The limiter alone: one request's windows (second, minute, day), timed per
// call on the memory store and on Redis, sequentially, as a request does.
import { checkRateLimit } from "@/lib/rate-limit/limiter";
import { PLAN_LIMITS } from "@/lib/rate-limit/policies";
import { createMemoryStore, createRedisStore, type CounterStore } from "@/lib/rate-limit/store";

const CALLS = 20_000;
const limits = { ...PLAN_LIMITS.enterprise, perSecond: 1e9, perMinute: 1e9, perDay: 1e9 };

async function time(store: CounterStore) {
  const samples: number[] = [];
  for (let i = 0; i < 500; i++) await checkRateLimit({ identity: `warm-${i % 10}`, limits }, store);
  for (let i = 0; i < CALLS; i++) {
    const t = process.hrtime.bigint();
    await checkRateLimit({ identity: `user-${i % 100}`, limits }, store);
    samples.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.floor((p / 100) * samples.length)]!.toFixed(1);
  return `${store.kind.padEnd(8)} p50 ${at(50).padStart(7)} µs   p99 ${at(99).padStart(7)} µs   (${CALLS} checks of 3 windows)`;
}

const redis = createRedisStore(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
await new Promise((r) => setTimeout(r, 300));
console.log("Limiter overhead per request");
console.log(await time(createMemoryStore()));
console.log(await time(redis));
process.exit(0);
