// Migrations without Prisma's native engine: the schema engine as WebAssembly,
// talking to the database through the same driver adapter as the app. Applies
// Prisma's own migration folders and records them in _prisma_migrations.
// Needs `node --experimental-wasm-modules` on Node 20 (the engine imports a .wasm file).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { SchemaEngine } from "@prisma/schema-engine-wasm";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SCHEMA_PATH = path.join(ROOT, "prisma", "schema.prisma");
const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");
const FILTERS = { externalTables: [], externalEnums: [] };

function listMigrations() {
  const dirs = existsSync(MIGRATIONS_DIR)
    ? readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/**
 * The pg adapter runs a migration script by splitting it at every ";", which
 * breaks function bodies (plpgsql, dollar-quoted). PostgreSQL and PGlite take a
 * whole script as one simple query, so send it that way.
 */
class WholeScriptPg extends PrismaPg {
  async connect() {
    return wholeScripts(await super.connect());
  }

  async connectToShadowDb() {
    return wholeScripts(await super.connectToShadowDb());
  }
}

function wholeScripts(adapter) {
  adapter.executeScript = async (script) => {
    try {
      await adapter.client.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

async function openEngine(connectionString) {
  const adapter = bindMigrationAwareSqlAdapterFactory(new WholeScriptPg({ connectionString }));
  const schema = readFileSync(SCHEMA_PATH, "utf8");
  const logs = [];
  const engine = await SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, (line) => logs.push(line), adapter);
  return { engine, schema };
}

/** Applies every pending migration; returns the names applied (empty when up to date). */
export async function applyMigrations(connectionString) {
  const { engine } = await openEngine(connectionString);
  try {
    const result = await engine.applyMigrations({ migrationsList: listMigrations(), filters: FILTERS });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}
