// Browser tests in a system Chromium (never a downloaded one) against the production server on a
// fresh embedded database seeded with the demo board. Started by scripts/run-e2e.js.
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS } from "./tests/support/chromium-flags";

const port = Number(process.env.E2E_PORT ?? 3197);
const dataDir = path.resolve(import.meta.dirname, ".tmp", "e2e-data");

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    },
    trace: "retain-on-failure",
  },
  webServer: {
    command: "node scripts/start.js",
    url: `http://localhost:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123",
      // The demo analysts sign in a dozen times a minute here; the throttle itself is tested elsewhere.
      SIGN_IN_ATTEMPTS_PER_MINUTE: "120",
    },
  },
});
