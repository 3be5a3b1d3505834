import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // Outside React's server environment the marker package throws; tests are server code.
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
          // getEnv validates the whole environment, the database URL included; unit tests never connect.
          env: { DATABASE_URL: "postgresql://unit-tests.invalid/none" },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/database.global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One database for the run; files create their own workspaces, so they may share it.
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "multi-instance",
          include: ["tests/multi-instance/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/multi-instance/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
