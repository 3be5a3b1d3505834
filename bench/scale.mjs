// `npm run bench:scale`: search and every list at a helpdesk's real volume. On the
// PostgreSQL server of DATABASE_URL it creates a database of its own, seeds it
// (`--size`, default 1,000,000 tickets; `--sizes 100000,1000000` runs each and prints
// the growth), starts the production build and times a fixed mix of MCP `tools/call`
// and `completion/complete` requests and signed-in ticket list pages, one client calling sequentially: three
// warm-up rounds, then `--rounds` measured ones. Prints p50, p95 and max per query
// against the goals and `EXPLAIN (ANALYZE, BUFFERS)` for the three slowest. Exits
// non-zero only when a query fails, never on a missed goal (CI runs it small as a smoke test).
//   --reuse <db>[,<db>]  time databases seeded earlier (kept afterwards) instead of seeding; their
//                        sizes are read from them, and two show the growth like --sizes
//   --audit-events <n>   audit history to seed (default: as many as tickets)
//   --keep               keep the databases it seeded
//   --only <text>        time only the queries whose name contains the text (e.g. `--only complete:`)
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import { captureTs, runTs, setWorkspaceLimits } from "../scripts/bootstrap.mjs";
import { applyMigrations } from "../scripts/migrate.mjs";
import { DEMO_PASSWORD, DEMO_USERS, DEMO_WORKSPACE } from "../prisma/demo-accounts.mjs";
import { startAppServer } from "../tests/support/app-server.mjs";

const TOOL_GOAL_MS = 50;
const COMPLETE_GOAL_MS = 20;
const PAGE_GOAL_MS = 200;
const GROWTH_GOAL = 2;
// A query slower than this in its first warm-up call is measured once more, not every round.
const SLOW_MS = 5_000;
const CALL_TIMEOUT_MS = 180_000;

/** A completion/complete request for a resource-template variable or a prompt argument. */
const templateArg = (uri, name, value) => ({ ref: { type: "ref/resource", uri }, argument: { name, value } });
const promptArg = (prompt, name, value) => ({ ref: { type: "ref/prompt", name: prompt }, argument: { name, value } });

/**
 * The mix: every list, filter and count joins it. `tool` rows go through tools/call,
 * `complete` rows through completion/complete, `page` rows load the signed-in ticket list
 * to the last byte. Arguments may depend on the seeded data (`d`) and on cursors gathered
 * before timing (`d.cursors`).
 */
const MIX = [
  { name: "search: first page", tool: "search_tickets", args: () => ({}) },
  { name: "search: common word", tool: "search_tickets", args: () => ({ q: "login" }) },
  { name: "search: common word 2", tool: "search_tickets", args: () => ({ q: "refund" }) },
  { name: "search: rare word", tool: "search_tickets", args: () => ({ q: "zephyrine" }) },
  { name: "search: phrase", tool: "search_tickets", args: () => ({ q: '"signing secret"' }) },
  { name: "search: no match", tool: "search_tickets", args: () => ({ q: "zzqxnotfound" }) },
  { name: "search: ticket number", tool: "search_tickets", args: (d) => ({ q: `#${d.midTicket}` }) },
  { name: "search: email", tool: "search_tickets", args: (d) => ({ q: d.contactEmail }) },
  { name: "filter: status", tool: "search_tickets", args: () => ({ status: "pending" }) },
  { name: "filter: priority", tool: "search_tickets", args: () => ({ priority: "urgent" }) },
  { name: "filter: assignee me", tool: "search_tickets", args: () => ({ assignee: "me" }) },
  { name: "filter: unassigned", tool: "search_tickets", args: () => ({ assignee: "unassigned" }) },
  { name: "filter: team", tool: "search_tickets", args: (d) => ({ team: d.teamId }) },
  { name: "filter: tag", tool: "search_tickets", args: () => ({ tag: "billing" }) },
  { name: "filter: rare tag", tool: "search_tickets", args: () => ({ tag: "churn-risk" }) },
  { name: "filter: contact", tool: "search_tickets", args: (d) => ({ contact: d.contactId }) },
  { name: "filter: sub-status", tool: "search_tickets", args: (d) => ({ case_status: d.caseStatusId }) },
  // Both served by the partial (workspace, slaDueAt) and (workspace, slaBreachedAt) indexes.
  { name: "filter: SLA breached", tool: "search_tickets", args: () => ({ sla: "breached" }) },
  { name: "filter: SLA due within 1 h", tool: "search_tickets", args: () => ({ sla: "due_1h" }) },
  { name: "filter: created range", tool: "search_tickets", args: (d) => d.createdRange },
  {
    name: "filters combined",
    tool: "search_tickets",
    args: (d) => ({ status: "open", priority: "high", team: d.teamId, assignee: d.agentId }),
  },
  { name: "text + status", tool: "search_tickets", args: () => ({ q: "login", status: "pending" }) },
  {
    name: "text + tag + range",
    tool: "search_tickets",
    args: (d) => ({ q: "refund", tag: "billing", created_after: d.createdRange.created_after }),
  },
  { name: "deep page (cursor)", tool: "search_tickets", args: (d) => ({ cursor: d.cursors.all }) },
  {
    name: "deep page, status (cursor)",
    tool: "search_tickets",
    args: (d) => ({ status: "closed", cursor: d.cursors.closed }),
  },
  { name: "get_ticket by number", tool: "get_ticket", args: (d) => ({ ticket: d.midTicket }) },
  { name: "ticket messages", tool: "list_ticket_messages", args: (d) => ({ ticket: d.midTicket }) },
  { name: "contacts search", tool: "search_contacts", args: () => ({ q: "garcia" }) },
  { name: "tags with counts", tool: "list_tags", args: () => ({}) },
  // The seeded shared views ("My open", "Unassigned", "Breaching SLA"), each counted through the list's count path.
  { name: "saved view counts", tool: "list_views", args: () => ({}) },
  { name: "backlog by team", tool: "get_backlog", args: () => ({ by: "team" }) },
  { name: "backlog by assignee", tool: "get_backlog", args: () => ({ by: "assignee" }) },
  { name: "metrics 30 days", tool: "get_support_metrics", args: () => ({ period_days: 30 }) },
  {
    name: "metrics 365 days by agent",
    tool: "get_support_metrics",
    args: () => ({ period_days: 365, group_by: "agent" }),
  },
  { name: "audit: newest page", tool: "list_audit_events", args: () => ({}) },
  { name: "audit: by action", tool: "list_audit_events", args: () => ({ action: "update_ticket" }) },
  { name: "audit: via + outcome", tool: "list_audit_events", args: () => ({ via: "mcp", outcome: "error" }) },
  { name: "audit: deep page (cursor)", tool: "list_audit_events", args: (d) => ({ cursor: d.cursors.audit }) },
  // Every kind of value completion/complete offers, each answering up to 100 values.
  { name: "complete: ticket, empty", complete: () => templateArg("deskbridge://tickets/{number}", "number", "") },
  { name: 'complete: ticket "1"', complete: () => templateArg("deskbridge://tickets/{number}", "number", "1") },
  { name: 'complete: ticket "12"', complete: () => templateArg("deskbridge://tickets/{number}", "number", "12") },
  { name: 'complete: ticket "1234"', complete: () => templateArg("deskbridge://tickets/{number}", "number", "1234") },
  { name: "complete: ticket by word", complete: () => promptArg("draft_reply", "ticket", "refund") },
  // A word in about one message in eight million: often no ticket at all.
  {
    name: "complete: ticket by rare word",
    complete: () => promptArg("summarize_ticket", "ticket", "zephyrine"),
    mayBeEmpty: true,
  },
  { name: "complete: ticket by two words", complete: () => promptArg("draft_reply", "ticket", "login error") },
  { name: "complete: tag", complete: () => promptArg("triage_my_queue", "tag", "bil") },
  { name: "complete: agent", complete: () => promptArg("summarize_ticket", "handover_to", "an") },
  { name: "complete: team", complete: () => promptArg("weekly_support_report", "team", "") },
  { name: "complete: macro", complete: () => promptArg("draft_reply", "macro", "re") },
  { name: "complete: article", complete: () => templateArg("deskbridge://articles/{article}", "article", "pay") },
  { name: "page: /tickets", page: () => "/tickets" },
  { name: "page: search + filter", page: () => "/tickets?q=login&status=pending" },
  { name: "page: filter", page: () => "/tickets?status=open&priority=high" },
  { name: "page: assigned to me", page: () => "/tickets?assignee=me" },
  { name: "page: SLA breached", page: () => "/tickets?sla=breached" },
];

const { values: opts } = parseArgs({
  options: {
    size: { type: "string" },
    sizes: { type: "string" },
    reuse: { type: "string" },
    rounds: { type: "string", default: "40" },
    "audit-events": { type: "string" },
    keep: { type: "boolean", default: false },
    only: { type: "string" },
  },
});

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl?.startsWith("postgres")) {
  console.error("bench:scale runs on PostgreSQL: set DATABASE_URL to a server it may create databases on.");
  process.exit(2);
}
const rounds = Number(opts.rounds);
const sizes = (opts.sizes ?? opts.size ?? "1000000").split(",").map(Number);
if (![rounds, ...sizes].every((n) => Number.isInteger(n) && n > 0)) {
  console.error("--size, --sizes and --rounds take positive whole numbers.");
  process.exit(2);
}
const mix = opts.only ? MIX.filter((q) => q.name.includes(opts.only)) : MIX;
if (!mix.length) {
  console.error(`--only ${opts.only}: no query's name contains it.`);
  process.exit(2);
}
const reused = opts.reuse ? opts.reuse.split(",") : [];
if (reused.length && (opts.size || opts.sizes)) {
  console.error("--reuse reads each database's size: give it without --size or --sizes.");
  process.exit(2);
}
if (!reused.every((name) => /^[a-z_][a-z0-9_]*$/.test(name))) {
  console.error("--reuse takes database names: lower-case letters, digits and underscores.");
  process.exit(2);
}

const urlFor = (name) => Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();

async function admin(sql) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function seedDatabase(size) {
  const name = `deskbridge_bench_${size}_${randomBytes(3).toString("hex")}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = urlFor(name);
  await applyMigrations(url);
  const audit = opts["audit-events"] ?? String(size);
  console.log(`Seeding ${size.toLocaleString("en")} tickets into ${name}…`);
  await runTs("prisma/seed.ts", ["--size", String(size), "--audit-events", audit], { DATABASE_URL: url });
  return { name, url };
}

/** Reads what the mix's arguments need from the seeded data. */
async function dataFor(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const one = async (sql) => (await client.query(sql)).rows[0];
    const ws = await one(`SELECT id, "ticketCounter" AS n FROM "Workspace" WHERE slug = '${DEMO_WORKSPACE.slug}'`);
    const team = await one(`SELECT id FROM "Team" WHERE "workspaceId" = '${ws.id}' AND name = 'Billing'`);
    const agent = await one(
      `SELECT u.id FROM "User" u JOIN "Membership" m ON m."userId" = u.id WHERE m."workspaceId" = '${ws.id}' AND u.email = '${DEMO_USERS.agent.email}'`,
    );
    const midTicket = Math.ceil(ws.n / 2);
    const contact = await one(
      `SELECT c.id, c.email FROM "Ticket" t JOIN "Contact" c ON c.id = t."contactId" WHERE t."workspaceId" = '${ws.id}' AND t.number = ${midTicket}`,
    );
    const caseStatus = await one(
      `SELECT id FROM "CaseStatus" WHERE "workspaceId" = '${ws.id}' AND name = 'Waiting on engineering'`,
    );
    const yearAgo = new Date(Date.now() - 365 * 86_400_000);
    const monthAfter = new Date(yearAgo.getTime() + 30 * 86_400_000);
    return {
      midTicket,
      teamId: team.id,
      agentId: agent.id,
      contactId: contact.id,
      contactEmail: contact.email,
      caseStatusId: caseStatus.id,
      createdRange: { created_after: yearAgo.toISOString(), created_before: monthAfter.toISOString() },
      cursors: {},
    };
  } finally {
    await client.end();
  }
}

/** Sends one MCP request (`method`, `params`) and returns its result; an error or a failed tool call throws. */
function mcpRequester(baseUrl, token) {
  let id = 0;
  return async (method, params) => {
    const res = await fetch(`${baseUrl}/api/v1/mcp`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${token}`,
        "Content-Type": "application/json",
        Accept: "application/json, text/event-stream",
      },
      body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method, params }),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    const body = await res.json();
    if (res.status !== 200 || body.error || body.result?.isError)
      throw new Error(`${method} ${JSON.stringify(params)}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    return body.result;
  };
}

/** Signs in with the demo owner's password and returns the session's Cookie header. */
async function signIn(baseUrl) {
  const cookies = new Map();
  const keep = (res) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: header() },
    body: new URLSearchParams({
      email: DEMO_USERS.owner.email,
      password: DEMO_PASSWORD,
      csrfToken,
      callbackUrl: `${baseUrl}/tickets`,
    }),
  });
  keep(res);
  if (![...cookies.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed: ${res.status}`);
  return header();
}

function pageLoader(baseUrl, cookie) {
  return async (path) => {
    const res = await fetch(`${baseUrl}${path}`, {
      headers: { Cookie: cookie },
      redirect: "manual",
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    const html = await res.text();
    if (res.status !== 200 || !html.includes("Tickets")) throw new Error(`${path}: ${res.status}`);
  };
}

async function follow(call, args, pages) {
  let cursor;
  for (let i = 0; i < pages; i++) {
    const page = await call({ ...args, ...(cursor ? { cursor } : {}) });
    if (!page.next_cursor) break;
    cursor = page.next_cursor;
  }
  return cursor;
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const ms = (v) => (v === undefined ? "-" : v >= 100 ? v.toFixed(0) : v.toFixed(1));

/** A personal token of the demo owner; a reused database's earlier ones are revoked (an agent holds at most 10). */
async function ownerToken(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client
    .query(`UPDATE "Credential" SET "revokedAt" = now() WHERE name = 'bench' AND "revokedAt" IS NULL`)
    .finally(() => client.end());
  return captureTs(
    "scripts/cli.ts",
    ["token", "create", "--workspace", DEMO_WORKSPACE.slug, "--user", DEMO_USERS.owner.email, "--name", "bench"],
    { DATABASE_URL: url, DATABASE_POOL_MAX: "2" },
  );
}

async function start(url, token, env = {}) {
  const app = await startAppServer({ databaseUrl: url, env: { DATABASE_POOL_MAX: "10", ...env } });
  const request = mcpRequester(app.baseUrl, token);
  const call = async (tool, args) => (await request("tools/call", { name: tool, arguments: args })).structuredContent;
  // A completion that answers nothing (a refused kind answers so too) is as wrong here as a failed call.
  const complete = async (params, mayBeEmpty) => {
    const { completion } = await request("completion/complete", params);
    if (!completion.values.length && !mayBeEmpty)
      throw new Error(`completion/complete ${JSON.stringify(params)}: no values`);
    return completion;
  };
  const load = pageLoader(app.baseUrl, await signIn(app.baseUrl));
  const run = (q, data) =>
    q.tool ? call(q.tool, q.args(data)) : q.complete ? complete(q.complete(data), q.mayBeEmpty) : load(q.page(data));
  return { app, call, run };
}

async function measure(url) {
  const env = { DATABASE_URL: url, DATABASE_POOL_MAX: "2" };
  // The limits are not what this measures.
  await setWorkspaceLimits(env, DEMO_WORKSPACE.slug, { perSecond: 1e7, perMinute: 1e7, perDay: 1e7 });
  const data = await dataFor(url);
  data.token = await ownerToken(url);
  const { app, call, run } = await start(url, data.token);
  const results = [];
  try {
    data.cursors.all = await follow((a) => call("search_tickets", a), { limit: 100 }, 20);
    data.cursors.closed = await follow((a) => call("search_tickets", a), { status: "closed", limit: 100 }, 20);
    data.cursors.audit = await follow((a) => call("list_audit_events", a), { limit: 100 }, 20);
    for (const q of mix) {
      const samples = [];
      let timedOut = false;
      // A call that outlasts the timeout counts as one sample of the timeout and ends that query's rounds.
      const timedRun = async () => {
        const t = performance.now();
        try {
          await run(q, data);
        } catch (error) {
          if (error?.name !== "TimeoutError") throw error;
          timedOut = true;
        }
        return timedOut ? CALL_TIMEOUT_MS : performance.now() - t;
      };
      const slow = (await timedRun()) > SLOW_MS;
      for (let i = 1; i < 3 && !slow; i++) await timedRun();
      for (let i = 0; i < (slow ? 1 : rounds) && !timedOut; i++) samples.push(await timedRun());
      if (timedOut && !samples.length) samples.push(CALL_TIMEOUT_MS);
      samples.sort((a, b) => a - b);
      const result = {
        q,
        n: samples.length,
        p50: quantile(samples, 0.5),
        p95: quantile(samples, 0.95),
        max: samples.at(-1),
        goal: q.tool ? TOOL_GOAL_MS : q.complete ? COMPLETE_GOAL_MS : PAGE_GOAL_MS,
        timedOut,
      };
      results.push(result);
      process.stdout.write(`  ${q.name}: p50 ${ms(result.p50)} ms\n`);
    }
  } finally {
    await app.stop();
  }
  return { results, data };
}

function printTable(size, results) {
  console.log(`\n${size.toLocaleString("en")} tickets — one client, sequential, after 3 warm-up rounds (ms):`);
  const rows = results.map((r) => [
    r.q.name,
    r.q.tool ?? (r.q.complete ? "completion/complete" : "web page"),
    String(r.n),
    ms(r.p50),
    ms(r.p95),
    r.timedOut ? "timeout" : ms(r.max),
    `< ${r.goal}`,
    r.p95 < r.goal ? "yes" : "NO",
  ]);
  const head = ["query", "through", "n", "p50", "p95", "max", "goal", "met?"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ");
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  const missed = results.filter((r) => r.p95 >= r.goal).length;
  console.log(missed ? `${missed} of ${results.length} queries miss the goal.` : "Every query meets the goal.");
}

/** Runs the slowest queries once on an app that logs its SQL, and explains each one's slowest statement. */
async function explainSlowest(url, results, data) {
  const slowest = [...results].sort((a, b) => b.p95 - a.p95).slice(0, 3);
  const { app, run } = await start(url, data.token, { DATABASE_QUERY_LOG: "1" });
  const client = new pg.Client({ connectionString: url, statement_timeout: CALL_TIMEOUT_MS });
  await client.connect();
  try {
    for (const { q, p95 } of slowest) {
      const from = app.output().length;
      try {
        await run(q, data);
      } catch (error) {
        if (error?.name !== "TimeoutError") throw error;
      }
      const statements = app
        .output()
        .slice(from)
        .split("\n")
        .filter((l) => l.startsWith("prisma:query "))
        .map((l) => JSON.parse(l.slice("prisma:query ".length)));
      const worst = statements.sort((a, b) => b.ms - a.ms)[0];
      console.log(`\nEXPLAIN (ANALYZE, BUFFERS) — ${q.name} (p95 ${ms(p95)} ms), its slowest statement:`);
      if (!worst) {
        console.log(`  (no SQL captured: nothing finished within ${CALL_TIMEOUT_MS / 1000} s)`);
        continue;
      }
      console.log(worst.query);
      try {
        const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${worst.query}`, JSON.parse(worst.params));
        for (const row of plan.rows) console.log(`  ${row["QUERY PLAN"]}`);
      } catch (error) {
        console.log(`  (EXPLAIN ANALYZE did not finish: ${error.message})`);
      }
    }
  } finally {
    await client.end();
    await app.stop();
  }
}

const bySize = new Map();
let failed = false;
/** The demo workspace's ticket count in a seeded database. */
async function ticketsIn(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT "ticketCounter" AS n FROM "Workspace" WHERE slug = $1`, [
      DEMO_WORKSPACE.slug,
    ]);
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

const runs = reused.length ? reused.map((name) => ({ name })) : sizes.map((size) => ({ size }));
for (const run of runs) {
  const db = run.name ? { name: run.name, url: urlFor(run.name) } : await seedDatabase(run.size);
  const size = run.size ?? (await ticketsIn(db.url));
  try {
    const { results, data } = await measure(db.url);
    bySize.set(size, results);
    printTable(size, results);
    await explainSlowest(db.url, results, data);
  } catch (error) {
    failed = true;
    console.error(`\nbench:scale failed at ${size} tickets: ${error.message}`);
  } finally {
    if (!run.name && !opts.keep) await admin(`DROP DATABASE IF EXISTS ${db.name} WITH (FORCE)`);
    else console.log(`\nKept the database ${db.name} (reuse it with --reuse ${db.name}).`);
  }
  if (failed) break;
}

if (bySize.size > 1) {
  const [small, large] = [Math.min(...bySize.keys()), Math.max(...bySize.keys())];
  const before = new Map(bySize.get(small).map((r) => [r.q.name, r]));
  console.log(
    `\nGrowth of p95 from ${small.toLocaleString("en")} to ${large.toLocaleString("en")} tickets (goal < ${GROWTH_GOAL}×):`,
  );
  for (const r of bySize.get(large)) {
    const ratio = r.p95 / before.get(r.q.name).p95;
    console.log(`  ${r.q.name.padEnd(28)} ${ratio.toFixed(2).padStart(7)}×  ${ratio < GROWTH_GOAL ? "yes" : "NO"}`);
  }
}
process.exit(failed ? 1 : 0);
