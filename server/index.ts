// Entry point: read the environment, build the app, stop it cleanly on SIGINT/SIGTERM.
import { createApp } from "./app";
import { parseConfig } from "./config";
import { createLogger } from "./logger";
import { loadGazetteer } from "./places/load-gazetteer";

const config = parseConfig();
const logger = createLogger(config.logLevel);

try {
  const app = await createApp({ config, logger, pages: config.env === "production" ? "production" : "development" });
  // The gazetteer's index takes seconds of a worker thread to build: build it now, off the event loop, so
  // the first analyst to type a place is not the one who waits for it (tests' apps build it on demand).
  loadGazetteer(app.workers).then(
    () => logger.info("gazetteer index ready"),
    (error: unknown) => logger.warn({ err: error }, "gazetteer index not built; the first search will try again"),
  );
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
