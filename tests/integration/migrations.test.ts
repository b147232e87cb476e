// The project's own migration runner: order, one transaction each, the advisory lock, and records
// written the way Prisma Migrate writes them.
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrateDatabase, readMigrations } from "@/server/db/migrate";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { withClient } from "../support/global-setup";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function emptyDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase({ migrated: false });
  cleanups.push(database.drop);
  return database;
}

async function migrationsCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "wf-migrations-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

type MigrationRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  applied_steps_count: number;
  rolled_back_at: Date | null;
};

const migrationRows = (url: string) =>
  withClient(
    url,
    async (client) =>
      (await client.query<MigrationRow>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`)).rows,
  );

describe("migrateDatabase", () => {
  it("applies every migration to an empty database and records each as Prisma does", async () => {
    const database = await emptyDatabase();
    const local = await readMigrations();

    const result = await migrateDatabase(database.url);

    expect(result.applied).toEqual(local.map((migration) => migration.name));
    const rows = await migrationRows(database.url);
    expect(rows.map((row) => row.migration_name)).toEqual(local.map((migration) => migration.name));
    for (const row of rows) {
      const sql = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it("applies nothing the second time", async () => {
    const database = await emptyDatabase();
    await migrateDatabase(database.url);
    const again = await migrateDatabase(database.url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied.length).toBeGreaterThan(0);
  });

  it("applies each migration once when several processes start together", async () => {
    const database = await emptyDatabase();
    const results = await Promise.all([1, 2, 3, 4].map(() => migrateDatabase(database.url)));
    const appliedCounts = results.map((result) => result.applied.length).sort();
    const total = (await readMigrations()).length;
    expect(appliedCounts).toEqual([0, 0, 0, total]);
    expect(await migrationRows(database.url)).toHaveLength(total);
  });

  it("applies a new migration in order after the earlier ones", async () => {
    const database = await emptyDatabase();
    const dir = await migrationsCopy();
    await migrateDatabase(database.url, dir);
    await mkdir(path.join(dir, "29990101000000_add_note"));
    await writeFile(
      path.join(dir, "29990101000000_add_note", "migration.sql"),
      `ALTER TABLE "Board" ADD COLUMN "note" TEXT;\n`,
    );
    const result = await migrateDatabase(database.url, dir);
    expect(result.applied).toEqual(["29990101000000_add_note"]);
  });

  it("rolls back a failing migration completely and records nothing for it", async () => {
    const database = await emptyDatabase();
    const dir = await migrationsCopy();
    await migrateDatabase(database.url, dir);
    await mkdir(path.join(dir, "29990101000000_broken"));
    await writeFile(
      path.join(dir, "29990101000000_broken", "migration.sql"),
      `CREATE TABLE "Half" ("id" TEXT);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" TEXT;\n`,
    );
    await expect(migrateDatabase(database.url, dir)).rejects.toThrow(/29990101000000_broken failed/);
    const half = await withClient(database.url, (client) => client.query(`SELECT to_regclass('"Half"') AS found`));
    expect(half.rows[0].found).toBeNull();
    expect((await migrationRows(database.url)).map((row) => row.migration_name)).not.toContain("29990101000000_broken");
  });

  it("starts the analysts already on a board at its last op when last seen comes in (issue 19)", async () => {
    const database = await emptyDatabase();
    const dir = await migrationsCopy();
    // The database as it stood before the shift: its migrations set aside, then put back.
    const later = (await readMigrations(dir)).filter((migration) => migration.name >= "20261206190000_shift");
    const aside = await mkdtemp(path.join(os.tmpdir(), "wf-migrations-later-"));
    cleanups.push(() => rm(aside, { recursive: true, force: true }));
    for (const { name } of later) {
      await cp(path.join(dir, name), path.join(aside, name), { recursive: true });
      await rm(path.join(dir, name), { recursive: true });
    }
    await migrateDatabase(database.url, dir);
    await withClient(database.url, async (client) => {
      await client.query(
        `INSERT INTO "User" (id, name, email, "updatedAt") VALUES ('u1', 'Ana', 'ana@example.org', now())`,
      );
      await client.query(
        `INSERT INTO "Board" (id, slug, title, "lastSeq", "updatedAt")
         VALUES ('00000000-0000-4000-8000-000000000001', 'old', 'Old board', 42, now())`,
      );
      await client.query(
        `INSERT INTO "Membership" ("boardId", "userId", role) VALUES ('00000000-0000-4000-8000-000000000001', 'u1', 'owner')`,
      );
    });
    await cp(aside, dir, { recursive: true });

    await migrateDatabase(database.url, dir);

    const seen = await withClient(
      database.url,
      async (client) => (await client.query<{ lastSeenSeq: number }>(`SELECT "lastSeenSeq" FROM "Membership"`)).rows,
    );
    expect(seen).toEqual([{ lastSeenSeq: 42 }]);
  });

  it("refuses to start when an applied migration was edited afterwards", async () => {
    const database = await emptyDatabase();
    const dir = await migrationsCopy();
    await migrateDatabase(database.url, dir);
    const [first] = await readMigrations(dir);
    await writeFile(path.join(dir, first?.name ?? "", "migration.sql"), `${first?.sql}\n-- edited\n`);
    await expect(migrateDatabase(database.url, dir)).rejects.toThrow(/was modified after it was applied/);
  });

  it("refuses to start over a migration Prisma recorded as failed", async () => {
    const database = await emptyDatabase();
    await migrateDatabase(database.url);
    await withClient(database.url, (client) =>
      client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('x', 'y', '29990101000000_half_done')`,
      ),
    );
    await expect(migrateDatabase(database.url)).rejects.toThrow(/failed earlier/);
  });
});
