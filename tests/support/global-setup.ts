// Once per test run: a PostgreSQL (TEST_DATABASE_URL, else an embedded one in a temp dir) with a
// migrated template database. Each test file clones the template into a database of its own.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "@/server/db/embedded-postgres";
import { migrateDatabase } from "@/server/db/migrate";
import { createLogger } from "@/server/logger";

declare module "vitest" {
  export interface ProvidedContext {
    /** Server URL whose databases tests may create and drop; the template is TEMPLATE_DATABASE. */
    adminDatabaseUrl: string;
  }
}

export const TEMPLATE_DATABASE = "watchfloor_test_template";

export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let dataDir: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "watchfloor-test-"));
    // When run as root, PostgreSQL runs as the `postgres` user, which must be able to enter the dir.
    await chmod(dataDir, 0o755);
    embedded = await startEmbeddedPostgres({
      dataDir,
      logger: createLogger("warn"),
      database: "postgres",
      persistent: false,
    });
    adminUrl = embedded.url;
  }
  const templateUrl = withDatabase(adminUrl, TEMPLATE_DATABASE);
  await withClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  });
  await migrateDatabase(templateUrl);
  project.provide("adminDatabaseUrl", adminUrl);

  return async () => {
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
