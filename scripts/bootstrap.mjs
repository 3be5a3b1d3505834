// Gets a database ready for the app: the embedded one (started here) unless
// DATABASE_URL names a server, then migrations, then the demo seed when empty.
// Shared by `npm run dev`, `npm start` and the test harnesses.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { DEFAULT_EMBEDDED_PORT, startEmbeddedPostgres } from "./embedded-db.mjs";
import { applyMigrations } from "./migrate.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DATA_DIR = path.join(ROOT, ".data");

/**
 * Runs a TypeScript entry (seed, CLI) with the server-only condition, as the
 * app's server does. Asynchronous: the embedded database serves from this process.
 */
export function runTs(entry, args, env) {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(ROOT, entry), ...args],
    {
      stdio: "inherit",
      env: { ...process.env, ...env },
      cwd: ROOT,
    },
  );
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${entry} exited with ${code}`))));
  });
}

/** Like runTs, but returns what the entry printed on stdout (the CLI prints secrets there alone). */
export function captureTs(entry, args, env) {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(ROOT, entry), ...args],
    {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, ...env },
      cwd: ROOT,
    },
  );
  let out = "";
  child.stdout.on("data", (chunk) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`${entry} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

async function hasWorkspaces(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT count(*)::int AS n FROM "Workspace"');
    return rows[0].n > 0;
  } finally {
    await client.end();
  }
}

/** Sets a workspace's requests per second, minute and day through the operator CLI. */
export function setWorkspaceLimits(env, workspace, { perSecond, perMinute, perDay }) {
  const limits = { "--per-second": perSecond, "--per-minute": perMinute, "--per-day": perDay };
  const args = Object.entries(limits).flatMap(([flag, value]) => [flag, String(value)]);
  return captureTs("scripts/cli.ts", ["workspace", "limits", "--workspace", workspace, ...args], env);
}

/** A stable secret for local runs (the variable when set, else generated once beside the embedded data). */
function localSecret(variable, fileName) {
  if (process.env[variable]) return process.env[variable];
  const file = path.join(DATA_DIR, fileName);
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/** AUTH_SECRET, which signs sessions and consent requests. */
export const localAuthSecret = () => localSecret("AUTH_SECRET", "auth-secret");

/** SECRET_ENCRYPTION_KEY, which encrypts the few secrets the server must read back. */
export const localEncryptionKey = () => localSecret("SECRET_ENCRYPTION_KEY", "secret-encryption-key");

/**
 * @param {{ dataDir?: string | null, port?: number, seed?: boolean, seedArgs?: string[], log?: (line: string) => void }} options
 *   dataDir null keeps the embedded database in memory.
 */
export async function prepareDatabase(options = {}) {
  const log = options.log ?? ((line) => console.log(line));
  let url = process.env.DATABASE_URL;
  let embedded = null;
  if (!url) {
    const dataDir = options.dataDir === undefined ? path.join(DATA_DIR, "pglite") : options.dataDir;
    const port = options.port ?? Number(process.env.EMBEDDED_DB_PORT ?? DEFAULT_EMBEDDED_PORT);
    embedded = await startEmbeddedPostgres({ dataDir: dataDir ?? undefined, port });
    url = embedded.url;
    log(
      `▸ Embedded PostgreSQL ${dataDir ? `in ${path.relative(ROOT, dataDir)}` : "in memory"} on 127.0.0.1:${embedded.port}`,
    );
  }
  const applied = await applyMigrations(url);
  if (applied.length) log(`▸ Applied migrations: ${applied.join(", ")}`);
  let seeded = false;
  if (options.seed !== false && !(await hasWorkspaces(url))) {
    log("▸ Seeding the demo workspace…");
    // The server's encryption key, so the seed can seal the demo webhook's secret.
    await runTs("prisma/seed.ts", options.seedArgs ?? [], {
      DATABASE_URL: url,
      SECRET_ENCRYPTION_KEY: localEncryptionKey(),
    });
    seeded = true;
  }
  return { url, embedded, seeded };
}
