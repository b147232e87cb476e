// Starts the real server (API + Socket.IO, no Next pages) on an ephemeral port over a test database.
import { type App, createApp } from "@/server/app";
import { parseConfig } from "@/server/config";
import { createLogger } from "@/server/logger";

export async function startTestApp(options: {
  databaseUrl: string;
  seedDemo?: boolean;
  env?: Record<string, string>;
  /** The worker pool's module, for tests that add tasks to it (worker-test-tasks.ts). */
  workerEntry?: URL;
}): Promise<App> {
  const config = parseConfig({
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: options.databaseUrl,
    AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
    SIGN_IN_ATTEMPTS_PER_MINUTE: "0",
    WRITE_RATE_PER_SEC: "0",
    ...(options.seedDemo === undefined ? {} : { SEED_DEMO: options.seedDemo ? "1" : "0" }),
    ...options.env,
  });
  return createApp({
    config,
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? "silent"),
    pages: "none",
    workerEntry: options.workerEntry,
  });
}
