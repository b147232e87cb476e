// The server as its own OS process for the kill test: server/index.ts, minus the Next pages (which would
// start Next's dev server under NODE_ENV=test and take seconds to boot). Configured by the environment.
import { createApp } from "@/server/app";
import { parseConfig } from "@/server/config";
import { createLogger } from "@/server/logger";

const config = parseConfig();
const logger = createLogger(config.logLevel);

try {
  const app = await createApp({ config, logger, pages: "none" });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      app.stop().then(
        // One turn of the event loop first, as server/index.ts gets while Next closes: a promise that
        // stop() left to reject with nobody listening ends the process (exit 1) here as it does there.
        () => setImmediate(() => process.exit(0)),
        (error: unknown) => {
          logger.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
    });
  }
} catch (error) {
  logger.fatal({ err: error }, "the API server failed to start");
  process.exit(1);
}
