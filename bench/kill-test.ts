// The kill test at a larger size, as a script (docs/RELIABILITY.md):
//   npx tsx bench/kill-test.ts --writers 6 --watchers 4 --kills 8 --seconds-per-round 6
// Uses a fresh database on TEST_DATABASE_URL's server when set, else an embedded PostgreSQL in a temp
// dir. Prints the result as JSON, then one line for humans; exits 1 when an invariant broke.
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { startEmbeddedPostgres } from "@/server/db/embedded-postgres";
import { createLogger } from "@/server/logger";
import { type KillTestResult, runKillTest } from "../tests/support/kill-harness";

const { values } = parseArgs({
  options: {
    writers: { type: "string", default: "6" },
    watchers: { type: "string", default: "4" },
    kills: { type: "string", default: "5" },
    "seconds-per-round": { type: "string", default: "6" },
    "in-flight": { type: "string", default: "3" },
  },
});

const positive = (name: keyof typeof values): number => {
  const value = Number(values[name]);
  if (!(value > 0)) throw new Error(`--${name} must be a positive number, got ${values[name]}`);
  return value;
};

type ScratchDatabase = { url: string; dispose: () => Promise<void> };

/** A database for this run alone, removed afterwards. */
async function scratchDatabase(): Promise<ScratchDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const name = `wf_kill_${randomBytes(6).toString("hex")}`;
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(sql).finally(() => client.end());
    };
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return { url: url.toString(), dispose: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "watchfloor-kill-"));
  // When run as root, PostgreSQL runs as the `postgres` user, which must be able to enter the dir.
  await chmod(dataDir, 0o755);
  const embedded = await startEmbeddedPostgres({
    dataDir,
    logger: createLogger("warn"),
    database: "watchfloor_kill",
    persistent: false,
  });
  return {
    url: embedded.url,
    dispose: async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function describeResult(result: KillTestResult): string {
  const verdict = result.problems.length === 0 ? "PASS" : `FAIL (${result.problems.length} problems)`;
  return (
    `kill test ${verdict}: ${result.kills} SIGKILLs, ${result.sent} writes sent, ${result.acked} acked ` +
    `(${result.resentWrites} resent ${result.resends} times; ${result.inDoubtAtKills} unacknowledged at the kills, ` +
    `${result.inDoubtCommitted} of them already committed), ${result.lost} lost, ${result.duplicates} duplicates, ` +
    `${result.watchersEqual}/${result.watchers} watcher digests equal the database's at seq ${result.lastSeq}, ` +
    `${(result.durationMs / 1000).toFixed(1)} s`
  );
}

const database = await scratchDatabase();
let result: KillTestResult;
try {
  result = await runKillTest({
    databaseUrl: database.url,
    writers: positive("writers"),
    watchers: positive("watchers"),
    kills: positive("kills"),
    stormMsPerRound: positive("seconds-per-round") * 1000,
    inFlightPerWriter: positive("in-flight"),
    log: (message) => console.error(message),
  });
} finally {
  await database.dispose();
}
console.log(JSON.stringify(result, null, 2));
console.log(describeResult(result));
process.exit(result.problems.length === 0 ? 0 : 1);
