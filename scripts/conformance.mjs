// `npm run test:conformance`: the official MCP conformance suite against the
// production build. The suite needs Node ≥ 22 and has no option for an auth
// header, so it runs on Node 22 from the npm registry (installed into .data/
// on first use; the app itself stays on the machine's Node) through a local
// proxy that adds a test bearer token. Scenarios that need the reference
// server's fixture tools are listed, with reasons, in tests/conformance/baseline.yml.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { captureTs, ROOT } from "./bootstrap.mjs";
import { freePort, startAppServer } from "../tests/support/app-server.mjs";
import { prepareTestDatabase } from "../tests/support/test-database.mjs";

const CONFORMANCE_VERSION = "0.1.16";
const NODE_VERSION = "22";
const TOOLS_DIR = path.join(ROOT, ".data", "tools", `conformance-${CONFORMANCE_VERSION}`);

function ensureTools() {
  const bin = path.join(TOOLS_DIR, "node_modules", ".bin");
  if (
    !existsSync(path.join(bin, "node")) ||
    !existsSync(path.join(TOOLS_DIR, "node_modules", "@modelcontextprotocol", "conformance"))
  ) {
    mkdirSync(TOOLS_DIR, { recursive: true });
    writeFileSync(path.join(TOOLS_DIR, "package.json"), JSON.stringify({ name: "conformance-runner", private: true }));
    console.log(
      `▸ Installing @modelcontextprotocol/conformance@${CONFORMANCE_VERSION} and node@${NODE_VERSION} from the npm registry…`,
    );
    const result = spawnSync(
      "npm",
      [
        "install",
        "--no-audit",
        "--no-fund",
        "--no-package-lock",
        `@modelcontextprotocol/conformance@${CONFORMANCE_VERSION}`,
        `node@${NODE_VERSION}`,
      ],
      { cwd: TOOLS_DIR, stdio: "inherit" },
    );
    if (result.status !== 0) throw new Error("Could not install the conformance suite.");
  }
  return {
    node: path.join(bin, "node"),
    cli: path.join(TOOLS_DIR, "node_modules", "@modelcontextprotocol", "conformance", "dist", "index.js"),
  };
}

/** Forwards to the app, adding the bearer; the proxy's own Host becomes the app's, any other Host passes through. */
function startProxy(target, token, port) {
  const app = new URL(target);
  const server = http.createServer((req, res) => {
    const headers = { ...req.headers };
    if (!headers.authorization) headers.authorization = `Bearer ${token}`;
    if (headers.host === `localhost:${port}` || headers.host === `127.0.0.1:${port}`) headers.host = app.host;
    const upstream = http.request(
      { host: "127.0.0.1", port: app.port, path: req.url, method: req.method, headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

const tools = ensureTools();
const db = await prepareTestDatabase();
let app;
let proxy;
let code = 1;
try {
  app = await startAppServer({ databaseUrl: db.url, env: { DATABASE_POOL_MAX: db.embedded ? "4" : "10" } });
  const env = { DATABASE_URL: db.url, DATABASE_POOL_MAX: "2" };
  await captureTs(
    "scripts/cli.ts",
    [
      "workspace",
      "create",
      "--name",
      "Conformance",
      "--slug",
      "conformance",
      "--owner-email",
      "owner@conformance.test",
      "--owner-password",
      "conformance-pass",
      "--plan",
      "enterprise",
    ],
    env,
  );
  const token = await captureTs(
    "scripts/cli.ts",
    ["token", "create", "--workspace", "conformance", "--user", "owner@conformance.test", "--name", "conformance"],
    env,
  );
  const proxyPort = await freePort();
  proxy = await startProxy(app.baseUrl, token, proxyPort);
  const args = [
    tools.cli,
    "server",
    "--url",
    `http://localhost:${proxyPort}/api/v1/mcp`,
    "--expected-failures",
    path.join(ROOT, "tests/conformance/baseline.yml"),
    ...process.argv.slice(2),
  ];
  const run = spawn(tools.node, args, { stdio: "inherit", cwd: ROOT });
  code = await new Promise((resolve) => run.on("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) console.error(`\n--- app output ---\n${app.output().slice(-4000)}`);
} finally {
  proxy?.close();
  await app?.stop();
  await db.stop();
}
process.exit(code);
