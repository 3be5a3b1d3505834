// Tools from the npm registry that need Node ≥ 22 (the MCP conformance suite,
// the MCP Inspector CLI), installed once into .data/tools/ with Node 22 from
// the registry beside them, and an app with a workspace and an owner's token
// for them to talk to. The app itself stays on the machine's Node.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { captureTs, ROOT } from "./bootstrap.mjs";
import { startAppServer } from "../tests/support/app-server.mjs";
import { prepareTestDatabase } from "../tests/support/test-database.mjs";

const NODE_VERSION = "22";

/**
 * @param {string} name folder under .data/tools
 * @param {string[]} packages name@version specs
 * @returns {{ node: string, dir: string }}
 */
export function ensureNodeTools(name, packages) {
  const dir = path.join(ROOT, ".data", "tools", name);
  const node = path.join(dir, "node_modules", ".bin", "node");
  const missing = packages.some((spec) => {
    const pkg = spec.slice(0, spec.lastIndexOf("@"));
    return !existsSync(path.join(dir, "node_modules", ...pkg.split("/")));
  });
  if (!existsSync(node) || missing) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: `${name}-runner`, private: true }));
    console.log(`▸ Installing ${packages.join(", ")} and node@${NODE_VERSION} from the npm registry…`);
    const result = spawnSync(
      "npm",
      ["install", "--no-audit", "--no-fund", "--no-package-lock", ...packages, `node@${NODE_VERSION}`],
      { cwd: dir, stdio: "inherit" },
    );
    if (result.status !== 0) throw new Error(`Could not install ${packages.join(", ")}.`);
  }
  return { node, dir };
}

/**
 * The production build on a fresh database with one enterprise workspace and
 * its owner's personal token (every tool listed). Call stop() when done.
 */
export async function startAppWithOwnerToken(slug) {
  const db = await prepareTestDatabase();
  let app;
  try {
    app = await startAppServer({ databaseUrl: db.url, env: { DATABASE_POOL_MAX: db.embedded ? "4" : "10" } });
    const env = { DATABASE_URL: db.url, DATABASE_POOL_MAX: "2" };
    const owner = `owner@${slug}.test`;
    await captureTs(
      "scripts/cli.ts",
      [
        "workspace",
        "create",
        "--name",
        slug,
        "--slug",
        slug,
        "--owner-email",
        owner,
        "--owner-password",
        `${slug}-pass`,
        "--plan",
        "enterprise",
      ],
      env,
    );
    const token = await captureTs(
      "scripts/cli.ts",
      ["token", "create", "--workspace", slug, "--user", owner, "--name", slug],
      env,
    );
    return {
      app,
      token,
      async stop() {
        await app.stop();
        await db.stop();
      },
    };
  } catch (error) {
    await app?.stop();
    await db.stop();
    throw error;
  }
}
