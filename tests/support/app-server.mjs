// Starts the production build (`next build` must have run) against a database,
// on a free loopback port, and waits until it answers.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * CPU seconds a process has used (all its threads), from /proc on Linux; null elsewhere. Per request
 * it is steadier than req/s on a machine whose cores the load generator shares.
 */
export function processCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return null;
  }
}

/**
 * CPU seconds the whole machine has been busy, all cores and processes together (the server, the
 * database, Redis, the load generator, the kernel), from /proc/stat on Linux; null elsewhere. Time
 * the hypervisor gave to other guests (steal) is not this machine's work and is left out.
 */
export function machineBusySeconds() {
  try {
    const [user, nice, system, , , irq, softirq] = readFileSync("/proc/stat", "utf8")
      .split("\n")[0]
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    return (user + nice + system + irq + softirq) / 100;
  } catch {
    return null;
  }
}

/** @param {{ databaseUrl: string, port?: number, env?: Record<string, string> }} options */
export async function startAppServer({ databaseUrl, port, env = {} }) {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npm run build` first (npm test does).");
  }
  const appPort = port ?? (await freePort());
  const baseUrl = `http://localhost:${appPort}`;
  const child = spawn(process.execPath, [path.join(ROOT, "scripts/serve.mjs"), "start", "-p", String(appPort)], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      SECRET_ENCRYPTION_KEY: randomBytes(32).toString("base64url"),
      APP_URL: baseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      // A server runs its own workers (and the SMTP receiver beside them) unless the caller says
      // otherwise, whatever the test process that starts it is (test processes are producers only).
      JOB_WORKERS: "in-app",
      // Every server a test starts keeps the queues' settings (supervising workers declare them), so
      // they all agree: webhooks retry after about a second and an endpoint is turned off after 3
      // failures in a row, and the loopback receivers of the tests are allowed.
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: "on",
      WEBHOOK_RETRY_DELAY_SECONDS: "1",
      WEBHOOK_FAILURE_LIMIT: "3",
      ...env,
    },
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app exited during start-up:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The app did not become healthy within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    port: appPort,
    pid: child.pid,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((resolve) => {
        const timer = setTimeout(() => (child.kill("SIGKILL"), resolve()), 5_000);
        child.once("exit", () => (clearTimeout(timer), resolve()));
      });
    },
  };
}
