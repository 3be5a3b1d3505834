// Two production instances of the app behind a small load balancer, sharing
// one PostgreSQL and one Redis (both required: this suite proves they are shared).
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { TestProject } from "vitest/node";
import { freePort, startAppServer } from "../support/app-server.mjs";
import { prepareTestDatabase } from "../support/test-database.mjs";

export default async function setup(project: TestProject) {
  if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
    throw new Error(
      "The multi-instance suite needs DATABASE_URL (PostgreSQL) and REDIS_URL (Redis): run it as CI does.",
    );
  }
  const db = await prepareTestDatabase();
  process.env.DATABASE_URL = db.url;
  const lbPort = await freePort();
  const publicUrl = `http://localhost:${lbPort}`;
  // Instances behind one origin share its session secret, as a deployment would.
  const env = {
    APP_URL: publicUrl,
    DATABASE_POOL_MAX: "10",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    SECRET_ENCRYPTION_KEY: randomBytes(32).toString("base64url"),
  };
  const [a, b] = await Promise.all([
    startAppServer({ databaseUrl: db.url, env }),
    startAppServer({ databaseUrl: db.url, env }),
  ]);
  // The balancer keeps the public Host; a test picks the instance with X-Instance (default: round robin).
  let turn = 0;
  const balancer = http.createServer((req, res) => {
    const pick = req.headers["x-instance"] === "b" ? b : req.headers["x-instance"] === "a" ? a : turn++ % 2 ? b : a;
    const upstream = http.request(
      { host: "127.0.0.1", port: pick.port, path: req.url, method: req.method, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, { ...up.headers, "x-served-by": pick === a ? "a" : "b" });
        up.pipe(res);
      },
    );
    upstream.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => balancer.listen(lbPort, "127.0.0.1", resolve));
  project.provide("databaseUrl", db.url);
  project.provide("baseUrl", publicUrl);
  return async () => {
    balancer.close();
    await Promise.all([a.stop(), b.stop()]);
    await db.stop();
  };
}
