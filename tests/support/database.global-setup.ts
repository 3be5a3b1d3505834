// The integration suite's world: a fresh, migrated database (a new database on
// the server named by DATABASE_URL, dropped afterwards, or an in-memory embedded
// one) and the production build of the app serving it on a free port.
import type { TestProject } from "vitest/node";
import { startAppServer } from "./app-server.mjs";
import { prepareTestDatabase } from "./test-database.mjs";

export default async function setup(project: TestProject) {
  const db = await prepareTestDatabase();
  process.env.DATABASE_URL = db.url;
  const app = await startAppServer({ databaseUrl: db.url, env: { DATABASE_POOL_MAX: db.embedded ? "4" : "10" } });
  project.provide("databaseUrl", db.url);
  project.provide("baseUrl", app.baseUrl);
  return async () => {
    await app.stop();
    await db.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    baseUrl: string;
  }
}
