// The benchmarks' own workspace: "bench", on the Enterprise plan, with its owner's personal token.
import { captureTs } from "../scripts/bootstrap.mjs";

/** Creates the bench workspace in env's database and returns a personal token of its owner. */
export async function benchWorkspaceToken(env) {
  await captureTs(
    "scripts/cli.ts",
    [
      ...["workspace", "create", "--name", "Bench", "--slug", "bench"],
      ...["--owner-email", "bench@bench.test", "--owner-password", "bench-password", "--plan", "enterprise"],
    ],
    env,
  );
  return captureTs("scripts/cli.ts", ["token", "create", "--workspace", "bench", "--user", "bench@bench.test"], env);
}
