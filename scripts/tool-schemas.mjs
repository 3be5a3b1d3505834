// `npm run test:tool-schemas`: the MCP Inspector CLI's schema portability
// check (--strict) over tools/list as an owner sees it (every tool). Any
// finding, warning or error, fails the run, so tools added later stay portable
// across clients. The Inspector needs Node ≥ 22: see scripts/node22-tools.mjs.
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "./bootstrap.mjs";
import { ensureNodeTools, startAppWithOwnerToken } from "./node22-tools.mjs";

const INSPECTOR_VERSION = "2.12.0";

const { node, dir } = ensureNodeTools(`inspector-${INSPECTOR_VERSION}`, [
  `@modelcontextprotocol/inspector@${INSPECTOR_VERSION}`,
]);
const cli = path.join(dir, "node_modules", "@modelcontextprotocol", "inspector", "clients", "cli", "build", "index.js");

function run(args) {
  const child = spawn(node, [cli, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code: code ?? 1, out, err })));
}

let served;
let code = 1;
try {
  served = await startAppWithOwnerToken("schemas");
  const result = await run([
    `${served.app.baseUrl}/api/v1/mcp?toolsets=all`,
    "--transport",
    "http",
    "--header",
    `Authorization: Bearer ${served.token}`,
    "--method",
    "tools/list",
    "--strict",
    "--format",
    "json",
  ]);
  let envelope = null;
  try {
    envelope = JSON.parse(result.out.trim().split("\n").pop() ?? "");
  } catch {
    envelope = null;
  }
  const tools = envelope?.result?.tools?.length ?? 0;
  const findings = (envelope?.schemaFindings ?? []).flatMap((r) => r.findings.map((f) => ({ tool: r.toolName, ...f })));
  if (!tools) {
    console.error(`The Inspector listed no tools (exit ${result.code}).\n${result.err.slice(-2000)}`);
  } else if (findings.length) {
    console.error(result.err.trim());
    console.error(`\n${findings.length} schema finding(s) over ${tools} tools: every one must be fixed.`);
  } else {
    console.log(`Inspector --strict: ${tools} tools, 0 errors, 0 warnings.`);
    code = 0;
  }
} finally {
  await served?.stop();
}
process.exit(code);
