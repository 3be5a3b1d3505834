// `npm run bench:mcp`: MCP throughput on the production build, against a bare
// route in the same app in the same run. Drives `tools/call get_ticket` with a
// workspace API key at 20 connections for a fixed time, then the bare route that
// answers a fixed JSON-RPC body, and prints req/s, p50, p99 and the ratio.
// Embedded database by default; DATABASE_URL (and REDIS_URL) run it on real services.
import autocannon from "autocannon";
import { captureTs, setWorkspaceLimits } from "../scripts/bootstrap.mjs";
import { startAppServer } from "../tests/support/app-server.mjs";
import { prepareTestDatabase } from "../tests/support/test-database.mjs";

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

function run(url, body, headers) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        method: "POST",
        body,
        headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", ...headers },
        connections: CONNECTIONS,
        duration: DURATION,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

const summary = (r) => ({
  rps: r.requests.average,
  p50: r.latency.p50,
  p99: r.latency.p99,
  errors: r.errors + r.non2xx,
  total: r.requests.total,
});

const db = await prepareTestDatabase();
const services = process.env.DATABASE_URL ? `PostgreSQL${process.env.REDIS_URL ? " + Redis" : ""}` : "embedded PGlite";
let app;
try {
  const env = { DATABASE_URL: db.url, DATABASE_POOL_MAX: "2" };
  await captureTs("prisma/seed.ts", ["--size", "2000"], env);
  // This benchmark measures the request path, not the limiter: lift the demo workspace's limits.
  await setWorkspaceLimits(env, "acme", { perSecond: 10_000_000, perMinute: 10_000_000, perDay: 10_000_000 });
  const key = await captureTs(
    "scripts/cli.ts",
    ["api-key", "create", "--workspace", "acme", "--name", "bench", "--scopes", "tickets:read"],
    env,
  );
  app = await startAppServer({
    databaseUrl: db.url,
    env: { BENCH_ROUTES: "1", DATABASE_POOL_MAX: db.embedded ? "4" : "20" },
  });
  const mcp = `${app.baseUrl}/api/v1/mcp`;
  const bare = `${app.baseUrl}/api/bench/echo`;
  const call = JSON.stringify({
    jsonrpc: "2.0",
    id: 1,
    method: "tools/call",
    params: { name: "get_ticket", arguments: { ticket: 42 } },
  });
  const auth = { Authorization: `Bearer ${key}` };

  // Check the call works before timing it.
  const probe = await fetch(mcp, {
    method: "POST",
    body: call,
    headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", ...auth },
  });
  const probeBody = await probe.json();
  if (!probeBody.result?.structuredContent?.number)
    throw new Error(`get_ticket probe failed: ${JSON.stringify(probeBody).slice(0, 300)}`);

  console.log(`Warming up (3 s each)…`);
  const warm = Number(process.env.BENCH_WARMUP ?? 3);
  await new Promise((resolve, reject) =>
    autocannon({ url: bare, method: "POST", body: call, connections: CONNECTIONS, duration: warm }, (e) =>
      e ? reject(e) : resolve(),
    ),
  );
  await new Promise((resolve, reject) =>
    autocannon(
      {
        url: mcp,
        method: "POST",
        body: call,
        headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", ...auth },
        connections: CONNECTIONS,
        duration: warm,
      },
      (e) => (e ? reject(e) : resolve()),
    ),
  );

  const baseline = summary(await run(bare, call, {}));
  const real = summary(await run(mcp, call, auth));
  // Where the time goes: the same route answering ping (auth, limits, MCP framing, no tool).
  const ping = process.env.BENCH_PROFILE
    ? summary(await run(mcp, JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }), auth))
    : null;
  const row = (name, s) =>
    `${name.padEnd(34)} ${s.rps.toFixed(0).padStart(8)} ${String(s.p50).padStart(8)} ${String(s.p99).padStart(8)} ${String(s.errors).padStart(7)}`;
  console.log(`\nMCP benchmark: ${CONNECTIONS} connections, ${DURATION} s each, ${services}, Node ${process.version}`);
  console.log(
    `${"target".padEnd(34)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"errors".padStart(7)}`,
  );
  console.log(row("bare JSON-RPC route (baseline)", baseline));
  console.log(row("tools/call get_ticket (API key)", real));
  if (ping) console.log(row("ping (auth + limits + MCP framing)", ping));
  console.log(`ratio get_ticket / baseline: ${(real.rps / baseline.rps).toFixed(2)}`);
  if (real.errors > 0 || baseline.errors > 0) process.exitCode = 1;
} finally {
  await app?.stop();
  await db.stop();
}
