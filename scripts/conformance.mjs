// `npm run test:conformance`: the official MCP conformance suite against the
// production build. The suite needs Node ≥ 22 and has no option for an auth
// header, so it runs on Node 22 from the npm registry (installed into .data/
// on first use; the app itself stays on the machine's Node) through a local
// proxy that adds a test bearer token. Scenarios that need the reference
// server's fixture tools are listed, with reasons, in tests/conformance/baseline.yml.
import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { ROOT } from "./bootstrap.mjs";
import { ensureNodeTools, startAppWithOwnerToken } from "./node22-tools.mjs";
import { freePort } from "../tests/support/app-server.mjs";

const CONFORMANCE_VERSION = "0.1.16";

function ensureTools() {
  const { node, dir } = ensureNodeTools(`conformance-${CONFORMANCE_VERSION}`, [
    `@modelcontextprotocol/conformance@${CONFORMANCE_VERSION}`,
  ]);
  return { node, cli: path.join(dir, "node_modules", "@modelcontextprotocol", "conformance", "dist", "index.js") };
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
let served;
let proxy;
let code = 1;
try {
  served = await startAppWithOwnerToken("conformance");
  const { app, token } = served;
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
  await served?.stop();
}
process.exit(code);
