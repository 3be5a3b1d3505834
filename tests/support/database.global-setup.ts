// Gives the integration suite a fresh, migrated database: a new database on the
// server named by DATABASE_URL (dropped afterwards), or an in-memory embedded one.
import type { TestProject } from "vitest/node";
import { prepareTestDatabase } from "./test-database.mjs";

export default async function setup(project: TestProject) {
  const db = await prepareTestDatabase();
  process.env.DATABASE_URL = db.url;
  project.provide("databaseUrl", db.url);
  return () => db.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
