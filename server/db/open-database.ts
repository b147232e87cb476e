// The database the config asks for — DATABASE_URL, or the embedded cluster under DATA_DIR — migrated
// to the latest schema and wrapped in the process's Prisma client.
import type { Config } from "../config";
import type { Logger } from "../logger";
import { createDatabase, type Database } from "./client";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { migrateDatabase } from "./migrate";

export type OpenDatabase = { url: string; db: Database; embedded: boolean; close: () => Promise<void> };

export async function openDatabase(options: {
  config: Config;
  logger: Logger;
  shareRunning?: boolean;
}): Promise<OpenDatabase> {
  const { config, logger } = options;
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.dataDir, logger, shareRunning: options.shareRunning });
  const url = config.databaseUrl ?? embedded?.url ?? "";
  try {
    const migrations = await migrateDatabase(url);
    if (migrations.applied.length) logger.info({ applied: migrations.applied }, "migrations applied");
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const db = createDatabase(url, config.databaseTimeouts);
  return {
    url,
    db,
    embedded: Boolean(embedded),
    close: async () => {
      await db.$disconnect();
      await embedded?.stop();
    },
  };
}
