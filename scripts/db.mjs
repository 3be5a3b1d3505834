// `npm run db:migrate` applies pending migrations; `npm run db:seed` seeds an empty database.
// They use DATABASE_URL, or the embedded database when it is unset.
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-db.mjs";
import { applyMigrations } from "./migrate.mjs";
import { DATA_DIR, prepareDatabase } from "./bootstrap.mjs";

const [command, ...args] = process.argv.slice(2);

async function withDatabase(fn) {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL);
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "pglite"), port: 0 });
  try {
    return await fn(embedded.url);
  } finally {
    await embedded.stop();
  }
}

if (command === "migrate") {
  const applied = await withDatabase(applyMigrations);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
} else if (command === "seed") {
  const { embedded, seeded } = await prepareDatabase({ seedArgs: args, port: 0 });
  console.log(seeded ? "Seeded." : "The database already has workspaces; nothing seeded.");
  await embedded?.stop();
} else {
  console.error("Usage: node scripts/db.mjs migrate | seed [--size N]");
  process.exit(2);
}
