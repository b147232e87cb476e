// A database for one bench run, removed afterwards: a fresh database on TEST_DATABASE_URL's server when
// set, else an embedded PostgreSQL in a temp dir (as bench/kill-test.ts does).
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/server/db/embedded-postgres";
import { createLogger } from "@/server/logger";

export type ScratchDatabase = { url: string; kind: "server" | "embedded"; dispose: () => Promise<void> };

export async function scratchDatabase(): Promise<ScratchDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const name = `wf_bench_${randomBytes(6).toString("hex")}`;
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(sql).finally(() => client.end());
    };
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      kind: "server",
      dispose: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "watchfloor-bench-"));
  // When run as root, PostgreSQL runs as the `postgres` user, which must be able to enter the dir.
  await chmod(dataDir, 0o755);
  const embedded = await startEmbeddedPostgres({
    dataDir,
    logger: createLogger("warn"),
    database: "watchfloor_bench",
    persistent: false,
  });
  return {
    url: embedded.url,
    kind: "embedded",
    dispose: async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
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
