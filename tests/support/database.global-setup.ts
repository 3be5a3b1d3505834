// The integration suite's world: a fresh, migrated database (a new database on
// the server named by DATABASE_URL, dropped afterwards, or an in-memory embedded
// one) and the production build of the app serving it on a free port; beside it
// the same app behind a trusted proxy (the loopback), where a test names the
// client's address with X-Forwarded-For, so tests that exhaust a per-address
// limit do it from an address of their own.
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { startAppServer } from "./app-server.mjs";
import { prepareTestDatabase } from "./test-database.mjs";

export default async function setup(project: TestProject) {
  const db = await prepareTestDatabase();
  process.env.DATABASE_URL = db.url;
  const pool = {
    DATABASE_POOL_MAX: db.embedded ? "4" : "10",
    // One key for both instances, as in production: either may read back a secret the other sealed
    // (a webhook's signing secret is used by whichever worker delivers).
    SECRET_ENCRYPTION_KEY: randomBytes(32).toString("base64url"),
    // Webhook tests run their receiver on the loopback (as the embedded dev default allows), retry
    // after about a second and turn a failing endpoint off after 3 failures rather than 10.
    WEBHOOKS_ALLOW_PRIVATE_TARGETS: "on",
    WEBHOOK_RETRY_DELAY_SECONDS: "1",
    WEBHOOK_FAILURE_LIMIT: "3",
  };
  const [app, proxied] = await Promise.all([
    startAppServer({ databaseUrl: db.url, env: pool }),
    startAppServer({ databaseUrl: db.url, env: { ...pool, TRUSTED_PROXIES: "127.0.0.1/32,::1/128" } }),
  ]);
  project.provide("databaseUrl", db.url);
  project.provide("baseUrl", app.baseUrl);
  project.provide("proxiedBaseUrl", proxied.baseUrl);
  return async () => {
    await Promise.all([app.stop(), proxied.stop()]);
    await db.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    baseUrl: string;
    /** The app with the loopback as its trusted proxy (TRUSTED_PROXIES). */
    proxiedBaseUrl: string;
  }
}
