// `npm run worker`: job workers outside the web server. Uses DATABASE_URL, or the embedded database
// of a running dev server; passes SIGTERM/SIGINT on, so the workers finish their jobs before exiting.
import { spawn } from "node:child_process";
import path from "node:path";
import { runningEmbeddedUrl } from "./embedded-db.mjs";
import { ROOT } from "./bootstrap.mjs";

const url = process.env.DATABASE_URL ?? (await runningEmbeddedUrl());
if (!url) {
  console.error("DATABASE_URL is not set and no dev server's embedded database is running: set DATABASE_URL.");
  process.exit(1);
}

const child = spawn(
  process.execPath,
  ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts/worker.ts")],
  { stdio: "inherit", cwd: ROOT, env: { ...process.env, DATABASE_URL: url } },
);
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
