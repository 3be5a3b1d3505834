// `npm run cli -- <command>`: the operator CLI. Uses DATABASE_URL when set;
// otherwise the embedded database, through a running dev server when there is
// one, or opened here when there is not.
import path from "node:path";
import { runningEmbeddedUrl, startEmbeddedPostgres } from "./embedded-db.mjs";
import { applyMigrations } from "./migrate.mjs";
import { DATA_DIR, runTs } from "./bootstrap.mjs";

let url = process.env.DATABASE_URL ?? (await runningEmbeddedUrl());
let embedded = null;
if (!url) {
  embedded = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "pglite"), port: 0 });
  url = embedded.url;
  await applyMigrations(url);
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
