// Per-test-file databases: clones of the migrated template, or empty ones for migration tests.
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { TEMPLATE_DATABASE, withClient, withDatabase } from "./global-setup";

export type TestDatabase = { url: string; name: string; drop: () => Promise<void> };

export async function createTestDatabase(options: { migrated: boolean } = { migrated: true }): Promise<TestDatabase> {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `wf_test_${randomBytes(6).toString("hex")}`;
  await withClient(adminUrl, (client) =>
    client.query(
      options.migrated ? `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}` : `CREATE DATABASE ${name}`,
    ),
  );
  return {
    name,
    url: withDatabase(adminUrl, name),
    drop: () =>
      withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
