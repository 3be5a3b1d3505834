// `npm run dev` / `npm start`: prepares the database (embedded unless
// DATABASE_URL is set), then runs Next.js with it. Ctrl-C stops both.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { localAuthSecret, localEncryptionKey, prepareDatabase, ROOT } from "./bootstrap.mjs";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/demo-accounts.mjs";

const mode = process.argv[2] === "start" ? "start" : "dev";
const port = process.env.PORT ?? "3000";
const require = createRequire(import.meta.url);

const { url, embedded } = await prepareDatabase();
const env = {
  ...process.env,
  DATABASE_URL: url,
  AUTH_SECRET: localAuthSecret(),
  SECRET_ENCRYPTION_KEY: localEncryptionKey(),
  APP_URL: process.env.APP_URL ?? `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
  // The embedded database is one session: a small pool queues instead of piling up.
  DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? (embedded ? "4" : "10"),
};

const next = spawn(process.execPath, [require.resolve("next/dist/bin/next"), mode, "-p", port], {
  stdio: "inherit",
  env,
  cwd: ROOT,
});

console.log(`
  Deskbridge is starting on ${env.APP_URL}
  Sign in as ${DEMO_USERS.owner.email} (owner), ${DEMO_USERS.admin.email} (admin)
  or ${DEMO_USERS.agent.email} (agent), password: ${DEMO_PASSWORD}
`);

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  next.kill("SIGTERM");
  await embedded?.stop();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
next.on("exit", (code) => void stop(code ?? 0));
