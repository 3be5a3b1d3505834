// `npm run worker`: job workers outside the web server. Uses DATABASE_URL, or the embedded database
// of a running dev server; passes SIGTERM/SIGINT on, so the workers finish their jobs before exiting.
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { DEFAULT_EMBEDDED_PORT } from "./embedded-db.mjs";
import { ROOT } from "./bootstrap.mjs";

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

let url = process.env.DATABASE_URL;
if (!url) {
  const port = Number(process.env.EMBEDDED_DB_PORT ?? DEFAULT_EMBEDDED_PORT);
  if (!(await portOpen(port))) {
    console.error("DATABASE_URL is not set and no dev server's embedded database is running: set DATABASE_URL.");
    process.exit(1);
  }
  url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

const child = spawn(
  process.execPath,
  ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts/worker.ts")],
  { stdio: "inherit", cwd: ROOT, env: { ...process.env, DATABASE_URL: url } },
);
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
