// `npm run bench:auth`: what authenticating an MCP request costs, with and
// without the in-process credential cache, on a fresh database (PostgreSQL
// when DATABASE_URL names a server, else the embedded one) and Redis
// (REDIS_URL or 127.0.0.1:6379).
import { captureTs as runTs } from "../scripts/bootstrap.mjs";
import { prepareTestDatabase } from "../tests/support/test-database.mjs";
import { benchWorkspaceToken } from "./bench-workspace.mjs";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const db = await prepareTestDatabase();
const env = { DATABASE_URL: db.url, DATABASE_POOL_MAX: "2", REDIS_URL };
try {
  const token = await benchWorkspaceToken(env);
  console.log(`${process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite"}, Redis`);
  console.log(await runTs("bench/auth-micro.ts", [], { ...env, BENCH_TOKEN: token }));
} finally {
  await db.stop();
}
