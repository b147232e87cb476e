// What one-off commands share: the configured database (or the running server's embedded one),
// migrated, and an auth instance for password hashing.
import { loadAuthSecret } from "../server/auth/auth-secret";
import { type Auth, createAuth } from "../server/auth/create-auth";
import { type Config, parseConfig } from "../server/config";
import { type OpenDatabase, openDatabase } from "../server/db/open-database";
import { createLogger, type Logger } from "../server/logger";

export type CliContext = { config: Config; logger: Logger; database: OpenDatabase; auth: Auth };

export async function withCliContext(run: (context: CliContext) => Promise<void>): Promise<void> {
  const config = parseConfig();
  const logger = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);
  const database = await openDatabase({ config, logger, shareRunning: true });
  try {
    const auth = createAuth({
      db: database.db,
      secret: await loadAuthSecret({ configured: config.authSecret, dataDir: config.dataDir }),
      baseURL: config.publicUrl ?? `http://localhost:${config.port}`,
      secureCookies: false,
      signInAttemptsPerMinute: 0,
      logger,
    });
    await run({ config, logger, database, auth });
  } finally {
    await database.close();
  }
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
