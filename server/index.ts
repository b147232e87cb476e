// Entry point: read the environment, build the app, stop it cleanly on SIGINT/SIGTERM.
import { createApp } from "./app";
import { parseConfig } from "./config";
import { createLogger } from "./logger";

const config = parseConfig();
const logger = createLogger(config.logLevel);

try {
  const app = await createApp({ config, logger, pages: config.env === "production" ? "production" : "development" });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      logger.info({ signal }, "shutting down");
      app.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
    });
  }
} catch (error) {
  logger.fatal({ err: error }, "Watchfloor failed to start");
  process.exit(1);
}
