// The app as the browser tests see it: the production build (`next build` runs
// first) on a fresh, seeded in-memory embedded database, or on DATABASE_URL.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { prepareDatabase, ROOT } from "./bootstrap.mjs";

const port = process.env.PORT ?? "3100";
// One key for the seed and the server, so the seeded webhook's secret reads back.
process.env.SECRET_ENCRYPTION_KEY ??= randomBytes(32).toString("base64url");
const { url, embedded } = await prepareDatabase({ dataDir: null, port: 0 });
const next = spawn(process.execPath, [path.join(ROOT, "scripts/serve.mjs"), "start", "-p", port], {
  stdio: "inherit",
  cwd: ROOT,
  env: {
    ...process.env,
    DATABASE_URL: url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    SECRET_ENCRYPTION_KEY: process.env.SECRET_ENCRYPTION_KEY,
    APP_URL: `http://localhost:${port}`,
    DATABASE_POOL_MAX: embedded ? "4" : "10",
    NEXT_TELEMETRY_DISABLED: "1",
    // The browser tests' webhook receiver listens on the loopback.
    WEBHOOKS_ALLOW_PRIVATE_TARGETS: "on",
  },
});
const stop = async () => {
  next.kill("SIGTERM");
  await embedded?.stop();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
next.on("exit", (code) => {
  void embedded?.stop().finally(() => process.exit(code ?? 1));
});
