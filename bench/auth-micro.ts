// Authentication per request, timed sequentially against the database in
// DATABASE_URL and the Redis in REDIS_URL, for the token in BENCH_TOKEN: the
// database lookup alone (verifyBearer), then the request's two steps
// (authenticate and limit) without and with the credential cache.
import { createAuthCache } from "@/lib/credentials/auth-cache";
import { verifyBearer, type VerifiedCredential } from "@/lib/credentials/verify-bearer";
import { checkRateLimit, identityOf } from "@/lib/rate-limit/limiter";
import { createRedisStore } from "@/lib/rate-limit/store";

const CALLS = Number(process.env.BENCH_CALLS ?? 5_000);
const RESOURCE = "http://localhost/api/v1/mcp";
const token = process.env.BENCH_TOKEN!;
const store = createRedisStore(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
const limits = { perSecond: 1e9, perMinute: 1e9, perDay: 1e9, oauthPerMinute: 1e9 };
const limit = (credential: VerifiedCredential) =>
  checkRateLimit(
    {
      identity: identityOf({ userId: credential.userId, orgWorkspaceId: credential.workspaceId }),
      limits,
      accessScope: credential.workspaceId,
    },
    store,
  );

async function time(label: string, run: () => Promise<boolean>) {
  for (let i = 0; i < 300; i++) if (!(await run())) throw new Error(`${label}: the token was refused`);
  const samples: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const t = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.floor((p / 100) * samples.length)]!;
  console.log(`${label.padEnd(44)} p50 ${at(50).toFixed(1).padStart(8)} µs   p99 ${at(99).toFixed(1).padStart(8)} µs`);
  return at(50);
}

await new Promise((r) => setTimeout(r, 300));
console.log(`Authentication per request (${CALLS} sequential requests each)`);
await time("verifyBearer (one database lookup)", async () => (await verifyBearer(token, { resource: RESOURCE })).ok);
const uncached = await time("verifyBearer, then the limiter", async () => {
  const verified = await verifyBearer(token, { resource: RESOURCE });
  return verified.ok && (await limit(verified.credential)).allowed;
});
const cache = createAuthCache();
const cached = await time("cache, the limiter with the version, confirm", async () => {
  const verified = await cache.authenticate(token, { resource: RESOURCE });
  if (!verified.ok) return false;
  const decision = await limit(verified.credential);
  return (await cache.confirm(verified, decision.accessVersion)).ok;
});
console.log(`cached / uncached (p50): ${(cached / uncached).toFixed(2)}`);
process.exit(0);
