// `npm run bench:mcp`: MCP throughput on the production build, three routes side by side in one
// run, for 2025-06-18 requests and for 2026-07-28 requests:
//   - Deskbridge: /api/v1/mcp (guard, bearer, limits, the SDK, usage, audit);
//   - mcp-handler: the same get_ticket (same registry entry, bearer check and database read) served
//     the way most Next.js MCP routes are built (app/api/bench/mcp-handler);
//   - bare: a route that answers a fixed JSON-RPC body (app/api/bench/echo), the ceiling.
// Drives `tools/call get_ticket` with a workspace API key at 20 connections for a fixed time, plus
// tools/list on Deskbridge with a full-scope key, and the route with no tool (ping on 2025-06-18,
// server/discover on 2026-07-28, which has no ping): what guard, bearer, limiter and the SDK cost
// alone. Prints req/s, p50, p99 and the ratios Deskbridge/bare (goal >= 0.75), Deskbridge/mcp-handler
// (goal >= 3), tools/list/get_ticket (goal >= 1) and no tool/bare (the ceiling of the first), and
// the server's CPU per request (all its threads; Linux) for each route.
// Embedded database by default; DATABASE_URL (and REDIS_URL) run it on real services.
import autocannon from "autocannon";
import { captureTs, setWorkspaceLimits } from "../scripts/bootstrap.mjs";
import { processCpuSeconds, startAppServer } from "../tests/support/app-server.mjs";
import { prepareTestDatabase } from "../tests/support/test-database.mjs";

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const ACCEPT = "application/json, text/event-stream";

/** One request per revision: the 2025 shape, and the 2026-07-28 envelope with its standard headers. */
function requestFor(revision, method, params) {
  if (revision === "2025-06-18") {
    return {
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
      headers: { "MCP-Protocol-Version": revision },
    };
  }
  const meta = {
    "io.modelcontextprotocol/protocolVersion": revision,
    "io.modelcontextprotocol/clientCapabilities": {},
  };
  return {
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params: { ...params, _meta: meta } }),
    headers: {
      "MCP-Protocol-Version": revision,
      "Mcp-Method": method,
      ...(params.name ? { "Mcp-Name": params.name } : {}),
    },
  };
}

function load(url, { body, headers }, duration) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        method: "POST",
        body,
        headers: { "Content-Type": "application/json", Accept: ACCEPT, ...headers },
        connections: CONNECTIONS,
        duration,
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
});

/** The answer's JSON-RPC message, whether the route answered JSON or an event stream. */
async function messageOf(response) {
  const text = await response.text();
  const data = response.headers.get("content-type")?.includes("text/event-stream")
    ? text
        .split("\n")
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5))
        .at(-1)
    : text;
  try {
    return JSON.parse(data ?? "");
  } catch {
    return { unreadable: text.slice(0, 300), status: response.status };
  }
}

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
  // tools/list as a full-scope org-level key sees it: the long list a client reads on every connection.
  const listKey = await captureTs(
    "scripts/cli.ts",
    ["api-key", "create", "--workspace", "acme", "--name", "bench-list", "--scopes", "mcp:read,mcp:write"],
    env,
  );
  app = await startAppServer({
    databaseUrl: db.url,
    env: { BENCH_ROUTES: "1", DATABASE_POOL_MAX: db.embedded ? "4" : "20" },
  });
  const auth = { Authorization: `Bearer ${key}` };
  const routes = {
    bare: { url: `${app.baseUrl}/api/bench/echo`, auth: {} },
    "mcp-handler": { url: `${app.baseUrl}/api/bench/mcp-handler`, auth },
    Deskbridge: { url: `${app.baseUrl}/api/v1/mcp`, auth },
  };
  const GET_TICKET = { name: "get_ticket", arguments: { ticket: 42 } };

  const rows = [];
  for (const revision of ["2025-06-18", "2026-07-28"]) {
    const call = requestFor(revision, "tools/call", GET_TICKET);
    const list = requestFor(revision, "tools/list", {});
    // The route with no tool and no database: ping on the 2025 revisions, server/discover on 2026-07-28 (which has no ping).
    const noToolMethod = revision === "2025-06-18" ? "ping" : "server/discover";
    const ping = requestFor(revision, noToolMethod, {});
    const targets = [
      ...Object.entries(routes).map(([route, { url, auth: headers }]) => ({
        route,
        label: `${route} get_ticket`,
        url,
        request: { body: call.body, headers: { ...call.headers, ...headers } },
      })),
      {
        route: "Deskbridge no tool",
        label: `Deskbridge ${noToolMethod}`,
        url: routes.Deskbridge.url,
        request: { body: ping.body, headers: { ...ping.headers, ...auth } },
      },
      {
        route: "Deskbridge tools/list",
        label: "Deskbridge tools/list",
        url: routes.Deskbridge.url,
        request: { body: list.body, headers: { ...list.headers, Authorization: `Bearer ${listKey}` } },
      },
    ];
    // Check each MCP route answers before timing it.
    for (const target of targets.filter((t) => t.route !== "bare")) {
      const response = await fetch(target.url, {
        method: "POST",
        body: target.request.body,
        headers: { "Content-Type": "application/json", Accept: ACCEPT, ...target.request.headers },
      });
      const message = await messageOf(response);
      const ok = target.label.includes("tools/list")
        ? message.result?.tools?.some((tool) => tool.name === "search_tickets")
        : target.route === "Deskbridge no tool"
          ? message.result !== undefined && !message.error
          : message.result?.structuredContent?.number === 42;
      if (!ok) throw new Error(`${target.label} (${revision}) probe failed: ${JSON.stringify(message).slice(0, 300)}`);
    }
    for (const target of targets) await load(target.url, target.request, WARMUP);
    for (const target of targets) {
      const cpuBefore = processCpuSeconds(app.pid);
      const result = await load(target.url, target.request, DURATION);
      const cpuAfter = processCpuSeconds(app.pid);
      const cpuMs =
        cpuBefore === null || cpuAfter === null ? null : (1000 * (cpuAfter - cpuBefore)) / result.requests.total;
      rows.push({ revision, ...target, ...summary(result), cpuMs });
    }
  }

  const row = (name, s) =>
    `${name.padEnd(32)} ${s.rps.toFixed(0).padStart(8)} ${String(s.p50).padStart(8)} ${String(s.p99).padStart(8)} ${String(s.errors).padStart(7)} ${(s.cpuMs === null ? "-" : s.cpuMs.toFixed(2)).padStart(14)}`;
  console.log(`\nMCP benchmark: ${CONNECTIONS} connections, ${DURATION} s each, ${services}, Node ${process.version}`);
  for (const revision of ["2025-06-18", "2026-07-28"]) {
    const of = (route) => rows.find((r) => r.revision === revision && r.route === route);
    console.log(`\n${revision} requests`);
    console.log(
      `${"route".padEnd(32)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"errors".padStart(7)} ${"server CPU ms".padStart(14)}`,
    );
    for (const r of rows.filter((r) => r.revision === revision)) console.log(row(r.label, r));
    const desk = of("Deskbridge");
    const ratio = (a, b, goal) => `${(a.rps / b.rps).toFixed(2)} (goal >= ${goal})`;
    console.log(`ratio Deskbridge / bare:          ${ratio(desk, of("bare"), 0.75)}`);
    console.log(`ratio Deskbridge / mcp-handler:   ${ratio(desk, of("mcp-handler"), 3)}`);
    console.log(`ratio tools/list / get_ticket:    ${ratio(of("Deskbridge tools/list"), desk, 1)}`);
    // Where the time goes: the route's own steps (guard, bearer, limiter, the SDK) measured without a
    // tool, against what the goals leave for the whole call.
    const noTool = of("Deskbridge no tool");
    const peer = of("mcp-handler");
    console.log(
      `ratio no tool / bare:             ${(noTool.rps / of("bare").rps).toFixed(2)} (the most any tool call reaches)`,
    );
    if (noTool.cpuMs !== null && desk.cpuMs !== null && peer.cpuMs !== null)
      console.log(
        `server CPU per call: route without a tool ${noTool.cpuMs.toFixed(2)} ms, get_ticket's tool and read ${(desk.cpuMs - noTool.cpuMs).toFixed(2)} ms more; ` +
          `3x mcp-handler leaves ${(peer.cpuMs / 3).toFixed(2)} ms for the whole call`,
      );
  }
  if (rows.some((r) => r.errors > 0)) process.exitCode = 1;
} finally {
  await app?.stop();
  await db.stop();
}
