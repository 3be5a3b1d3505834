// `npm run bench:webhooks`: webhook delivery throughput. On a database of its own (a new one on the
// PostgreSQL server of DATABASE_URL, else the embedded one in memory) it starts the production build
// with no workers, creates an endpoint pointing at a receiver on the loopback, and for each worker
// count (1, then 2 `npm run worker` processes) creates `--events` tickets through create_ticket
// while no worker runs, then starts the workers and times the deliveries from the first to the
// last arrival at the receiver (dispatch, fan-out, signing, the POST and its log row all included;
// worker start-up is not). Prints deliveries/s per worker count and the ratio of two workers to
// one (the baseline).
//   --events <n>  tickets (so deliveries) per round, default 200
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ROOT } from "../scripts/bootstrap.mjs";
import { startAppServer } from "../tests/support/app-server.mjs";
import { prepareTestDatabase } from "../tests/support/test-database.mjs";
import { benchWorkspaceToken } from "./bench-workspace.mjs";

const { values } = parseArgs({ options: { events: { type: "string", default: "200" } } });
const EVENTS = Number(values.events);
const WAIT_MS = 10 * 60_000;

const arrivals = [];
const receiver = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    arrivals.push(performance.now());
    res.writeHead(204).end();
  });
});
await new Promise((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const receiverUrl = `http://127.0.0.1:${receiver.address().port}/bench`;

const db = await prepareTestDatabase();
const env = {
  DATABASE_URL: db.url,
  DATABASE_POOL_MAX: db.embedded ? "4" : "10",
  SECRET_ENCRYPTION_KEY: randomBytes(32).toString("base64url"),
  WEBHOOKS_ALLOW_PRIVATE_TARGETS: "on",
  RATE_LIMITS: "off",
};
const app = await startAppServer({ databaseUrl: db.url, env: { ...env, JOB_WORKERS: "off" } });
const workers = [];

function startWorker() {
  const child = spawn(
    process.execPath,
    ["--experimental-wasm-modules", "--no-warnings=ExperimentalWarning", path.join(ROOT, "scripts/worker.mjs")],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] },
  );
  workers.push(child);
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => String(chunk).includes("worker serving") && resolve(child));
    child.once("exit", (code) => reject(new Error(`a worker exited with ${code}`)));
  });
}

async function stopWorkers() {
  await Promise.all(
    workers.splice(0).map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.removeAllListeners("exit");
          child.once("exit", resolve);
          child.kill("SIGTERM");
        }),
    ),
  );
}

try {
  const token = await benchWorkspaceToken({ ...process.env, ...env });
  const client = new Client({ name: "bench-webhooks", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${app.baseUrl}/api/v1/mcp`), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    }),
  );
  const call = async (name, args) => {
    const result = await client.callTool({ name, arguments: args });
    if (result.isError) throw new Error(`${name}: ${result.content?.[0]?.text}`);
    return result.structuredContent;
  };
  await call("create_webhook", { url: receiverUrl, events: ["ticket.created"] });

  const rates = {};
  for (const count of [1, 2]) {
    for (let i = 0; i < EVENTS; i++) {
      await call("create_ticket", {
        subject: `Bench ticket ${count}-${i}`,
        body: "Throughput check",
        contact_email: `bench${i % 20}@example.com`,
      });
    }
    const from = arrivals.length;
    await Promise.all(Array.from({ length: count }, startWorker));
    const deadline = Date.now() + WAIT_MS;
    while (arrivals.length < from + EVENTS) {
      if (Date.now() > deadline) throw new Error(`only ${arrivals.length - from} of ${EVENTS} deliveries arrived`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = (arrivals[from + EVENTS - 1] - arrivals[from]) / 1000;
    rates[count] = (EVENTS - 1) / seconds;
    console.log(
      `${count} worker${count > 1 ? "s" : ""}: ${EVENTS} deliveries in ${seconds.toFixed(2)} s = ${rates[count].toFixed(1)} deliveries/s`,
    );
    await stopWorkers();
  }
  console.log(
    `two workers / one worker (baseline): ${(rates[2] / rates[1]).toFixed(2)}× (${db.embedded ? "embedded database" : "PostgreSQL"})`,
  );
  await client.close();
} finally {
  await stopWorkers();
  await app.stop();
  await db.stop();
  receiver.close();
}
