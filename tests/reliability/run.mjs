// `npm run test:reliability`: load, faults and fuzz against the production
// build, on loopback only, bounded in count and time. Needs DATABASE_URL
// (PostgreSQL); starts its own Redis on a spare port so it can kill it, and
// reaches PostgreSQL through a proxy it can cut. Prints a summary table and
// exits non-zero when a check fails.
import { execSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import { captureTs, setWorkspaceLimits } from "../../scripts/bootstrap.mjs";
import { freePort, machineBusySeconds, processCpuSeconds, startAppServer } from "../support/app-server.mjs";
import { prepareTestDatabase } from "../support/test-database.mjs";

if (!process.env.DATABASE_URL) {
  console.error("The reliability suite needs DATABASE_URL (PostgreSQL).");
  process.exit(2);
}

const LOAD_CALLS = Number(process.env.RELIABILITY_CALLS ?? 20_000);
const CONCURRENCY = 50;
const FUZZ_CALLS = Number(process.env.RELIABILITY_FUZZ ?? 10_000);
const REQUEST_TIMEOUT_MS = 10_000;
const checks = [];
const table = [];
const check = (name, ok, detail = "") => checks.push({ name, ok, detail });

async function startRedis(port) {
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  for (let i = 0; i < 50; i++) {
    if (
      await new Promise((r) =>
        net
          .connect(port, "127.0.0.1")
          .once("connect", function () {
            this.destroy();
            r(true);
          })
          .once("error", () => r(false)),
      )
    )
      return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("redis-server did not start");
}

/** A TCP proxy to PostgreSQL that the suite can cut and restore. */
async function startCuttableProxy(target) {
  let open = true;
  const sockets = new Set();
  const server = net.createServer((client) => {
    if (!open) return client.destroy();
    const upstream = net.connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", close);
    upstream.on("error", close);
    client.on("close", close);
    upstream.on("close", close);
  });
  const port = await freePort();
  await new Promise((r) => server.listen(port, "127.0.0.1", r));
  return {
    port,
    cut() {
      open = false;
      for (const s of sockets) s.destroy();
    },
    restore() {
      open = true;
    },
    close: () => server.close(),
  };
}

async function post(url, body, token, raw) {
  const started = performance.now();
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json, text/event-stream",
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: raw ?? JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    return { status: res.status, text, ms: performance.now() - started };
  } catch (error) {
    return { status: error.name === "TimeoutError" ? -1 : 0, text: String(error), ms: performance.now() - started };
  }
}

async function pool(count, worker) {
  let next = 0;
  const results = new Array(count);
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await worker(i);
      }
    }),
  );
  return results;
}

const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
};
const summarize = (name, results, extra = {}) => {
  const byKind = {};
  for (const r of results) {
    const kind =
      r.status === 200
        ? r.text.includes('"isError":true')
          ? "tool error"
          : "ok"
        : r.status === -1
          ? "timeout"
          : r.status === 0
            ? "network"
            : `http ${r.status}`;
    byKind[kind] = (byKind[kind] ?? 0) + 1;
  }
  const ms = results.map((r) => r.ms);
  table.push({
    phase: name,
    requests: results.length,
    ...byKind,
    p50: Math.round(pct(ms, 50)),
    p99: Math.round(pct(ms, 99)),
    ...extra,
  });
  return byKind;
};
const fiveXX = (results) => results.filter((r) => r.status >= 500 || r.status === 0 || r.status === -1).length;

const db = await prepareTestDatabase();
const pgUrl = new URL(db.url);
const proxy = await startCuttableProxy({ host: pgUrl.hostname, port: Number(pgUrl.port || 5432) });
const viaProxy = new URL(db.url);
viaProxy.hostname = "127.0.0.1";
viaProxy.port = String(proxy.port);
const redisPort = await freePort();
let redis = await startRedis(redisPort);
let app;
try {
  // The operator CLI runs with the deployment's configuration, Redis included: its changes reach
  // every instance's credential cache through the access version.
  const env = { DATABASE_URL: db.url, DATABASE_POOL_MAX: "2", REDIS_URL: `redis://127.0.0.1:${redisPort}` };
  await captureTs("prisma/seed.ts", ["--size", "60"], env);
  await setWorkspaceLimits(env, "acme", { perSecond: 100_000, perMinute: 1_000_000, perDay: 10_000_000 });
  const owner = await captureTs(
    "scripts/cli.ts",
    ["token", "create", "--workspace", "acme", "--user", "olivia@acme.test"],
    env,
  );
  const agent = await captureTs(
    "scripts/cli.ts",
    ["token", "create", "--workspace", "acme", "--user", "ava@acme.test"],
    env,
  );
  app = await startAppServer({
    databaseUrl: viaProxy.toString(),
    env: { REDIS_URL: `redis://127.0.0.1:${redisPort}`, DATABASE_POOL_MAX: "10" },
  });
  const mcp = `${app.baseUrl}/api/v1/mcp`;
  const call = (name, args, id = 1) => ({
    jsonrpc: "2.0",
    id,
    method: "tools/call",
    params: { name, arguments: args },
  });
  // The server is the scripts/serve.mjs process or, should it fork one, its newest child.
  const children = execSync(`pgrep -P ${app.pid} || true`).toString().trim().split("\n").filter(Boolean);
  const pid = children.at(-1) ?? app.pid;
  const rss = () => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
    } catch {
      return 0; // the server has stopped
    }
  };
  // The server's highest RSS so far, sampled every 100 ms from its start: its working size under
  // the load and faults below, which the fuzz's memory check measures against.
  let highWater = rss();
  const highWaterSampler = setInterval(() => (highWater = Math.max(highWater, rss())), 100);
  highWaterSampler.unref();

  // 1. Load: reads and concurrent writes on the same tickets.
  const TICKETS = [1, 2, 3, 4, 5];
  const started = Date.now();
  const cpuBefore = { server: processCpuSeconds(pid), machine: machineBusySeconds(), suite: process.cpuUsage() };
  const load = await pool(LOAD_CALLS, (i) => {
    const ticket = TICKETS[Math.floor(i / 5) % TICKETS.length];
    const token = i % 2 ? owner : agent;
    switch (i % 5) {
      case 0:
        return post(mcp, call("add_ticket_tags", { ticket, tags: [`load-${i}`, "load-shared"] }, i), token);
      case 1:
        return post(mcp, call("assign_ticket", { ticket, assignee: "me" }, i), token);
      case 2:
        return post(mcp, call("add_internal_note", { ticket, body: `load note ${i}` }, i), token);
      default:
        return post(
          mcp,
          call(i % 2 ? "get_ticket" : "search_tickets", i % 2 ? { ticket } : { q: "refund", limit: 5 }, i),
          token,
        );
    }
  });
  const seconds = (Date.now() - started) / 1000;
  // Where the cores went, per request: the app server, this process (the load's clients and the
  // database proxy), and the whole machine (with PostgreSQL, Redis and the kernel).
  const perRequest = (before, after) =>
    before === null || after === null ? "-" : Number((((after - before) * 1000) / LOAD_CALLS).toFixed(1));
  const suiteCpu = process.cpuUsage(cpuBefore.suite);
  summarize("load", load, {
    "req/s": Math.round(LOAD_CALLS / seconds),
    "server CPU ms/req": perRequest(cpuBefore.server, processCpuSeconds(pid)),
    "suite CPU ms/req": perRequest(0, (suiteCpu.user + suiteCpu.system) / 1e6),
    "machine CPU ms/req": perRequest(cpuBefore.machine, machineBusySeconds()),
  });
  check("load: no 5xx, no timeouts", fiveXX(load) === 0, `${fiveXX(load)} failed`);
  await new Promise((r) => setTimeout(r, 1_500));
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const tagAdds = load.map((r, i) => [r, i]).filter(([, i]) => i % 5 === 0);
  const okTagAdds = tagAdds
    .filter(([r]) => r.status === 200 && !r.text.includes('"isError":true'))
    .map(([, i]) => `load-${i}`);
  const tagRows = await client.query(
    `SELECT t.name, count(*)::int AS n FROM "TicketTag" tt JOIN "Tag" t ON t.id = tt."tagId" WHERE t.name LIKE 'load-%' AND t.name <> 'load-shared' GROUP BY t.name`,
  );
  const tagCount = new Map(tagRows.rows.map((r) => [r.name, r.n]));
  const lostTags = okTagAdds.filter((name) => tagCount.get(name) !== 1).length;
  const notes = load
    .map((r, i) => [r, i])
    .filter(([r, i]) => i % 5 === 2 && r.status === 200 && !r.text.includes('"isError":true'))
    .map(([, i]) => `load note ${i}`);
  const noteRows = await client.query(
    `SELECT body, count(*)::int AS n FROM "Message" WHERE body LIKE 'load note %' GROUP BY body`,
  );
  const noteCount = new Map(noteRows.rows.map((r) => [r.body, r.n]));
  const lostNotes = notes.filter((b) => noteCount.get(b) !== 1).length;
  const noteActivities = (
    await client.query(`SELECT count(*)::int AS n FROM "TicketActivity" WHERE action = 'note' AND via = 'mcp'`)
  ).rows[0].n;
  const sharedActivities = (
    await client.query(
      `SELECT count(*)::int AS n FROM "TicketActivity" WHERE action = 'tags_added' AND changes::text LIKE '%"load-shared"%'`,
    )
  ).rows[0].n;
  const assignChanged = load.filter((r, i) => i % 5 === 1 && r.text.includes('"changed":true')).length;
  const assignActivities = (
    await client.query(`SELECT count(*)::int AS n FROM "TicketActivity" WHERE action = 'assign' AND via = 'mcp'`)
  ).rows[0].n;
  table.at(-1)["lost writes"] = lostTags + lostNotes;
  check(
    "load: every tag and note written exactly once",
    lostTags === 0 && lostNotes === 0,
    `${lostTags} tags, ${lostNotes} notes off`,
  );
  check(
    "load: one activity row per note",
    noteActivities === notes.length,
    `${noteActivities} rows for ${notes.length} notes`,
  );
  check(
    "load: the shared tag recorded once per ticket",
    sharedActivities === TICKETS.length,
    `${sharedActivities} rows for ${TICKETS.length} tickets`,
  );
  check(
    "load: one activity row per assignment that changed",
    assignActivities === assignChanged,
    `${assignActivities} rows, ${assignChanged} changes`,
  );
  await client.end();

  // 2. Redis killed mid-run: fail open, no 5xx; back: the counters live in Redis again.
  const limitsOf = (perSecond) => ({ perSecond, perMinute: 1_000_000, perDay: 10_000_000 });
  const during = [];
  const redisPhase = (async () => {
    for (let i = 0; i < 600; i++) during.push(await post(mcp, call("get_ticket", { ticket: 1 }, i), owner));
  })();
  await new Promise((r) => setTimeout(r, 500));
  redis.kill("SIGKILL");
  await new Promise((r) => setTimeout(r, 2_000));
  redis = await startRedis(redisPort);
  await redisPhase;
  summarize("redis killed", during);
  check("redis down: no 5xx (fails open)", fiveXX(during) === 0, `${fiveXX(during)} failed`);
  await setWorkspaceLimits(env, "acme", limitsOf(5));
  await new Promise((r) => setTimeout(r, 2_500));
  // A limit change reaches an instance with the workspace's new access version: the first request
  // after it re-reads the credential (and its limits). Requests already checked against the cached
  // credential's old limits are not counted again, so the burst follows that first request.
  await post(mcp, call("get_ticket", { ticket: 1 }, 0), agent);
  const after = await Promise.all(
    Array.from({ length: 15 }, (_, i) => post(mcp, call("get_ticket", { ticket: 1 }, i), agent)),
  );
  const keys = Number(execSync(`redis-cli -p ${redisPort} dbsize`).toString().trim());
  check(
    "redis back: limits apply again, from Redis",
    after.some((r) => r.status === 429) && keys > 0,
    `${after.filter((r) => r.status === 429).length} of 15 refused, ${keys} keys in Redis`,
  );
  await setWorkspaceLimits(env, "acme", limitsOf(100_000));
  await new Promise((r) => setTimeout(r, 1_100));

  // 2b. Redis hung (stopped, its port still taking connections) for 2 s: a request waits at most the
  // store's deadline (250 ms) before it fails open, and the requests after it do not wait at all.
  const stalled = [];
  let resumed = false;
  const hungPhase = (async () => {
    for (let i = 0; !resumed || stalled.length < 100; i++)
      stalled.push(await post(mcp, call("get_ticket", { ticket: 1 }, i), owner));
  })();
  await new Promise((r) => setTimeout(r, 300));
  redis.kill("SIGSTOP");
  await new Promise((r) => setTimeout(r, 2_000));
  redis.kill("SIGCONT");
  await new Promise((r) => setTimeout(r, 1_000));
  resumed = true;
  await hungPhase;
  summarize("redis hung", stalled);
  const waited = stalled.filter((r) => r.ms >= 200).length;
  const slowest = Math.round(Math.max(...stalled.map((r) => r.ms)));
  check(
    "redis hung: no 5xx, none waits past 1 s, and only the first waits for the deadline",
    fiveXX(stalled) === 0 && slowest < 1_000 && waited <= 2,
    `${fiveXX(stalled)} failed, slowest ${slowest} ms, ${waited} of ${stalled.length} took 200 ms or more`,
  );

  // 3. PostgreSQL unreachable: clean errors within a bound; back: recovers in seconds.
  proxy.cut();
  const cut = await pool(200, (i) => post(mcp, call("get_ticket", { ticket: 1 }, i), owner));
  summarize("postgres cut", cut);
  const hung = cut.filter((r) => r.status === -1).length;
  const clean = cut.every((r) => r.status === 503 || (r.status === 200 && r.text.includes('"error"')));
  if (!clean) console.log(app.output().split("[deskbridge] unexpected error").slice(-2).join("\n").slice(0, 1500));
  if (!clean)
    console.log("unexpected answers while PostgreSQL was down:", [
      ...new Set(cut.filter((r) => r.status !== 503).map((r) => `${r.status} ${r.text.slice(0, 160)}`)),
    ]);
  const health = await fetch(`${app.baseUrl}/api/health`);
  check("postgres down: no request hangs past 10 s", hung === 0, `${hung} hung`);
  check(
    "postgres down: answers are 503 JSON errors, health says 503",
    clean && health.status === 503 && !cut.some((r) => /at .+\.(js|ts):\d+/.test(r.text)),
    `health ${health.status}`,
  );
  proxy.restore();
  const restoredAt = Date.now();
  let recovered = false;
  while (Date.now() - restoredAt < 15_000) {
    const r = await post(mcp, call("get_ticket", { ticket: 1 }), owner);
    if (r.status === 200 && !r.text.includes('"isError":true')) {
      recovered = true;
      break;
    }
    await new Promise((r2) => setTimeout(r2, 200));
  }
  const recoveryS = ((Date.now() - restoredAt) / 1000).toFixed(1);
  table.push({ phase: "postgres back", requests: "-", "recovered in s": recovered ? recoveryS : "no" });
  check("postgres back: recovers within 15 s", recovered, `${recoveryS} s`);

  // 4. Fuzz: malformed JSON-RPC, arguments, headers and tokens.
  const rssBefore = rss();
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const junk = () =>
    pick([
      null,
      0,
      -1,
      1e308,
      "",
      "x".repeat(Math.floor(rand() * 5000)),
      [],
      {},
      { $ne: 1 },
      '\'; DROP TABLE "Ticket"; --',
      "\u0000\uFFFF",
      true,
      [1, [2, [3]]],
    ]);
  const tools = [
    "get_ticket",
    "search_tickets",
    "assign_ticket",
    "add_ticket_tags",
    "create_ticket",
    "list_ticket_messages",
    "get_message",
    "nope",
    "",
  ];
  const fuzzOne = (i) => {
    const kind = i % 6;
    if (kind === 0)
      return post(
        mcp,
        null,
        owner,
        pick(["{", "[]", "null", '{"jsonrpc":', "\u0000", "{}".repeat(100), '{"jsonrpc":"2.0"}']),
      );
    if (kind === 1)
      return post(
        mcp,
        {
          jsonrpc: pick(["2.0", "1.0", 2, null]),
          id: junk(),
          method: pick(["tools/call", "tools/list", "initialize", junk()]),
          params: junk(),
        },
        owner,
      );
    if (kind === 2)
      return post(
        mcp,
        call(
          pick(tools),
          { ticket: junk(), tags: junk(), assignee: junk(), q: junk(), limit: junk(), cursor: junk(), body: junk() },
          i,
        ),
        owner,
      );
    if (kind === 3)
      return post(
        mcp,
        call("get_ticket", { ticket: 1 }, i),
        pick(["", "dbk_", `${owner}x`, owner.slice(0, -1), "Bearer", "dba_" + "0".repeat(36), "a".repeat(5000)]),
      );
    if (kind === 4)
      return post(
        mcp,
        call("search_tickets", { cursor: Buffer.from(JSON.stringify(junk())).toString("base64url") }, i),
        agent,
      );
    return post(mcp, [call("get_ticket", { ticket: 1 }, 1), junk()], owner);
  };
  // Two halves: the first warms caches and JIT; a leak shows as growth in the second. RSS rises
  // and falls with each collection (and falls far after the database cut), so the second half is
  // measured by its highest RSS, sampled every 100 ms while it runs, against the highest RSS the
  // server reached before it (the load, the faults and the first half): a leak sets a new high.
  const half = Math.floor(FUZZ_CALLS / 2);
  const firstHalf = await pool(half, fuzzOne);
  await new Promise((r) => setTimeout(r, 1_000));
  const rssMiddle = Math.max(highWater, rss());
  let secondPeak = rss();
  const sampler = setInterval(() => (secondPeak = Math.max(secondPeak, rss())), 100);
  const fuzz = [...firstHalf, ...(await pool(FUZZ_CALLS - half, (i) => fuzzOne(half + i)))];
  await new Promise((r) => setTimeout(r, 1_000));
  clearInterval(sampler);
  const rssAfter = Math.max(secondPeak, rss());
  summarize("fuzz", fuzz, {
    "rss MB": `${rssBefore.toFixed(0)} (high ${rssMiddle.toFixed(0)})→peak ${rssAfter.toFixed(0)}`,
  });
  check(
    "fuzz: no 5xx, no crash",
    fiveXX(fuzz) === 0 && (await fetch(`${app.baseUrl}/api/health`)).status === 200,
    `${fiveXX(fuzz)} failed`,
  );
  check(
    "fuzz: memory flat over the second half (< +60 MB above the earlier peak)",
    rssAfter - Math.max(rssBefore, rssMiddle) < 60,
    `${(rssAfter - Math.max(rssBefore, rssMiddle)).toFixed(0)} MB`,
  );
  check("fuzz: no stack traces in answers", !fuzz.some((r) => /at .+\.(js|ts):\d+|node_modules/.test(r.text)));
} finally {
  await app?.stop();
  redis?.kill("SIGKILL");
  proxy.close();
  await db.stop();
}

console.log("\nReliability summary");
console.table(table);
for (const c of checks) console.log(`${c.ok ? "✓" : "✗"} ${c.name}${c.detail ? ` (${c.detail})` : ""}`);
const failed = checks.filter((c) => !c.ok).length;
console.log(`\n${checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
