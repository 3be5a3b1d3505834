// `npm run bench:limits`: what the rate limiter costs. Part 1 times the limiter
// alone (one request's windows) on the memory store and on Redis; part 2 drives
// MCP tools/list on the production build with limits off and on (Redis), in the
// same run, and prints the throughput ratio. Redis: REDIS_URL or 127.0.0.1:6379.
import autocannon from "autocannon";
import { captureTs as runTs, setWorkspaceLimits } from "../scripts/bootstrap.mjs";
import { startAppServer } from "../tests/support/app-server.mjs";
import { prepareTestDatabase } from "../tests/support/test-database.mjs";
import { benchWorkspaceToken } from "./bench-workspace.mjs";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

const db = await prepareTestDatabase();
const env = { DATABASE_URL: db.url, DATABASE_POOL_MAX: "2" };
const results = {};
try {
  // Part 1: the limiter alone, in a TypeScript child (it is server code, and reads the validated environment).
  console.log(await runTs("bench/limiter-micro.ts", [], { ...env, REDIS_URL }));

  // Part 2: the MCP route with limits off and on.
  const token = await benchWorkspaceToken(env);
  await setWorkspaceLimits(env, "bench", { perSecond: 10_000_000, perMinute: 10_000_000, perDay: 10_000_000 });
  // Alternate off/on twice so warm-up and drift fall on both sides alike.
  const modes = [
    ["limits off", { RATE_LIMITS: "off" }],
    ["limits on (Redis)", { REDIS_URL }],
  ];
  for (const [label, extra] of [...modes, ...modes]) {
    const app = await startAppServer({
      databaseUrl: db.url,
      env: { DATABASE_POOL_MAX: db.embedded ? "4" : "20", ...extra },
    });
    try {
      const opts = {
        url: `${app.baseUrl}/api/v1/mcp`,
        method: "POST",
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }),
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json, text/event-stream",
          Authorization: `Bearer ${token}`,
        },
        connections: 20,
      };
      await new Promise((resolve, reject) => autocannon({ ...opts, duration: 3 }, (e) => (e ? reject(e) : resolve())));
      const r = await new Promise((resolve, reject) =>
        autocannon({ ...opts, duration: DURATION }, (e, res) => (e ? reject(e) : resolve(res))),
      );
      const prev = results[label];
      const now = { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
      results[label] = prev
        ? {
            rps: (prev.rps + now.rps) / 2,
            p50: (prev.p50 + now.p50) / 2,
            p99: (prev.p99 + now.p99) / 2,
            errors: prev.errors + now.errors,
          }
        : now;
    } finally {
      await app.stop();
    }
  }
} finally {
  await db.stop();
}
console.log(
  `\nMCP tools/list, 20 connections, 2 × ${DURATION} s each (averaged), ${process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite"}`,
);
console.log(
  `${"".padEnd(20)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"errors".padStart(7)}`,
);
for (const [label, r] of Object.entries(results))
  console.log(
    `${label.padEnd(20)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.errors).padStart(7)}`,
  );
const on = results["limits on (Redis)"];
const off = results["limits off"];
console.log(
  `throughput with limits / without: ${(on.rps / off.rps).toFixed(3)} (cost ${((1 - on.rps / off.rps) * 100).toFixed(1)}%)`,
);
