import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Browser tests run in the system's Chromium (Playwright's own download is not
// assumed). CHROMIUM_PATH overrides the location.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(CHROMIUM)) {
  throw new Error(
    `No Chromium at ${CHROMIUM}. Install it (Debian/Ubuntu: apt-get install chromium fonts-liberation) or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
  );
}

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://localhost:${PORT}`;
/** The app's inbound SMTP receiver and the sink its outgoing mail goes to (e2e/email.spec.ts starts the sink). */
export const INBOUND_SMTP_PORT = PORT + 20_000;
export const MAIL_SINK_PORT = PORT + 21_000;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: `node --experimental-wasm-modules --no-warnings=ExperimentalWarning scripts/e2e-server.mjs`,
    url: `${BASE_URL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      INBOUND_SMTP_PORT: String(INBOUND_SMTP_PORT),
      SMTP_URL: `smtp://127.0.0.1:${MAIL_SINK_PORT}`,
    },
  },
});
