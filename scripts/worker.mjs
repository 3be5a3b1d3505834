// `npm run worker`: job workers outside the web server. Uses DATABASE_URL, or the embedded database
// of a running dev server; passes SIGTERM/SIGINT on, so the workers finish their jobs before exiting.
// It signs and seals with the secrets the server on this machine uses (AUTH_SECRET and
// SECRET_ENCRYPTION_KEY when set, else the ones `npm run dev` and `npm start` generate): a worker
// without them would take jobs (a reply's Reply-To address, a rating link) only to fail them.
import { spawn } from "node:child_process";
import path from "node:path";
import { runningEmbeddedUrl } from "./embedded-db.mjs";
import { localAuthSecret, localEncryptionKey, ROOT } from "./bootstrap.mjs";

const url = process.env.DATABASE_URL ?? (await runningEmbeddedUrl());
if (!url) {
  console.error("DATABASE_URL is not set and no dev server's embedded database is running: set DATABASE_URL.");
  process.exit(1);
}

const child = spawn(
  process.execPath,
  ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts/worker.ts")],
  {
    stdio: "inherit",
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: url,
      AUTH_SECRET: localAuthSecret(),
      SECRET_ENCRYPTION_KEY: localEncryptionKey(),
    },
  },
);
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
