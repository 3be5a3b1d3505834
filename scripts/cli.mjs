// `npm run cli -- <command>`: the operator CLI. Uses DATABASE_URL when set;
// otherwise the embedded database, through a running dev server when there is
// one, or opened here when there is not.
import net from "node:net";
import path from "node:path";
import { DEFAULT_EMBEDDED_PORT, startEmbeddedPostgres } from "./embedded-db.mjs";
import { applyMigrations } from "./migrate.mjs";
import { DATA_DIR, runTs } from "./bootstrap.mjs";

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

let url = process.env.DATABASE_URL;
let embedded = null;
if (!url) {
  const port = Number(process.env.EMBEDDED_DB_PORT ?? DEFAULT_EMBEDDED_PORT);
  if (await portOpen(port)) {
    url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  } else {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "pglite"), port: 0 });
    url = embedded.url;
    await applyMigrations(url);
  }
}
let code = 0;
try {
  await runTs("scripts/cli.ts", process.argv.slice(2), { DATABASE_URL: url, DATABASE_POOL_MAX: "2" });
} catch {
  code = 1;
} finally {
  await embedded?.stop();
}
process.exit(code);
