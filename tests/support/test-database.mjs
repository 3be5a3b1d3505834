// A fresh, migrated database for a test run. With DATABASE_URL: a new database
// on that server, dropped at the end. Without: the embedded one, in memory.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function migrate(url) {
  const child = spawn(
    process.execPath,
    ["--experimental-wasm-modules", "--no-warnings=ExperimentalWarning", path.join(ROOT, "scripts/db.mjs"), "migrate"],
    { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } },
  );
  return new Promise((resolve, reject) => {
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`migrations failed (${code})`))));
  });
}

export async function prepareTestDatabase() {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `deskbridge_test_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await migrate(url.toString());
    return {
      url: url.toString(),
      embedded: false,
      async stop() {
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const { startEmbeddedPostgres } = await import("../../scripts/embedded-db.mjs");
  const embedded = await startEmbeddedPostgres({ port: 0 });
  await migrate(embedded.url);
  return { url: embedded.url, embedded: true, stop: () => embedded.stop() };
}
