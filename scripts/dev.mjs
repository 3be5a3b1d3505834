// `npm run dev` / `npm start` [-p PORT]: prepares the database (embedded unless
// DATABASE_URL is set), then runs Next.js with it through scripts/serve.mjs, in
// a process of its own. Ctrl-C stops both.
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { localAuthSecret, localEncryptionKey, prepareDatabase, ROOT } from "./bootstrap.mjs";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/demo-accounts.mjs";

const args = process.argv.slice(2);
const mode = args[0] === "start" ? "start" : "dev";
const portAt = args.findIndex((a) => a === "-p" || a === "--port");
const port = (portAt >= 0 ? args[portAt + 1] : undefined) ?? process.env.PORT ?? "3000";

const { url, embedded } = await prepareDatabase();
const env = {
  ...process.env,
  DATABASE_URL: url,
  AUTH_SECRET: localAuthSecret(),
  SECRET_ENCRYPTION_KEY: localEncryptionKey(),
  APP_URL: process.env.APP_URL ?? `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
  // A local webhook receiver is the point of the embedded default; elsewhere the operator opts in.
  WEBHOOKS_ALLOW_PRIVATE_TARGETS: process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS ?? (embedded ? "on" : "off"),
  // The embedded database is one session: a small pool queues instead of piling up.
  DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? (embedded ? "4" : "10"),
  // The embedded default receives mail on a local port, so the whole email loop works with no mail server.
  ...(process.env.INBOUND_SMTP_PORT || embedded ? { INBOUND_SMTP_PORT: process.env.INBOUND_SMTP_PORT ?? "2525" } : {}),
};
const inboundDomain = (process.env.INBOUND_MAIL_DOMAIN ?? "inbound.deskbridge.localhost").toLowerCase();

/** One line per workspace: where to send mail that opens its tickets. */
async function inboundMailLines() {
  if (!env.INBOUND_SMTP_PORT) return [];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT slug FROM "Workspace" ORDER BY "createdAt", slug');
    return rows.map(
      (row) =>
        `Inbound mail for ${row.slug}: ${row.slug}@${inboundDomain} on ${process.env.INBOUND_SMTP_HOST ?? "127.0.0.1"}:${env.INBOUND_SMTP_PORT}`,
    );
  } finally {
    await client.end();
  }
}
const inbound = await inboundMailLines().catch(() => []);

const next = spawn(process.execPath, [path.join(ROOT, "scripts/serve.mjs"), mode, "-p", port], {
  stdio: "inherit",
  env,
  cwd: ROOT,
});

console.log(`
  Deskbridge is starting on ${env.APP_URL}
  Sign in as ${DEMO_USERS.owner.email} (owner), ${DEMO_USERS.admin.email} (admin)
  or ${DEMO_USERS.agent.email} (agent), password: ${DEMO_PASSWORD}
${inbound.length ? `${inbound.join("\n")}\n` : ""}`);

/**
 * In development Next compiles a route on its first request. Compile the ones clients and people hit
 * first (the MCP route, sign-in, the inbox, the docs) as soon as the server answers, so a client's
 * first call does not wait on the compiler.
 */
async function warmUp() {
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (
      await fetch(`${base}/api/health`).then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const json = { "Content-Type": "application/json", Accept: "application/json, text/event-stream" };
  for (const [route, init] of [
    ["/api/v1/mcp", { method: "POST", headers: json, body: '{"jsonrpc":"2.0","id":0,"method":"ping"}' }],
    ["/login", {}],
    ["/tickets", { redirect: "manual" }],
    ["/docs/mcp", {}],
  ]) {
    await fetch(`${base}${route}`, init).then(
      (res) => res.arrayBuffer(),
      () => null,
    );
  }
}
if (mode === "dev") void warmUp();

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  next.kill("SIGTERM");
  await embedded?.stop();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
next.on("exit", (code) => void stop(code ?? 0));
