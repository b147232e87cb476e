// How fast the observations import is (docs/csv.md records a run):
//   npx tsx bench/import-observations.ts [--rows 100000]
// Generates valid rows for the demo board's indicators and imports them in-process, as the command
// and the upload do, then times the observations export of the board. Uses a fresh database on TEST_DATABASE_URL's server when set, else an embedded
// PostgreSQL in a temp dir. Prints the result as JSON.
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { exportObservationsCsv } from "@/server/csv/export-observations-csv";
import { importObservationsCsv } from "@/server/csv/import-observations-csv";
import { startEmbeddedPostgres } from "@/server/db/embedded-postgres";
import { createLogger } from "@/server/logger";
import { startTestApp } from "../tests/support/test-app";

const DEMO_SLUG = "russia-ukraine-2022-01";
const GRADES = ["A1", "B2", "C3", ""];

const { values } = parseArgs({ options: { rows: { type: "string", default: "100000" } } });
const rowCount = Number(values.rows);
if (!Number.isInteger(rowCount) || rowCount < 1)
  throw new Error(`--rows must be a positive integer, got ${values.rows}`);

type ScratchDatabase = { url: string; dispose: () => Promise<void> };

/** A database for this run alone, removed afterwards. */
async function scratchDatabase(): Promise<ScratchDatabase> {
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
    return { url: url.toString(), dispose: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
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
    dispose: async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** One row per minute from 2022-01-01, round-robin over the indicators, with a grade and a note on some. */
function generateCsv(indicatorNames: string[]): string {
  const start = Date.parse("2022-01-01T00:00:00Z");
  const lines = ["indicator,observed_at,value,grade,source,note"];
  for (let index = 0; index < rowCount; index++) {
    const indicator = indicatorNames[index % indicatorNames.length];
    const observedAt = new Date(start + index * 60_000).toISOString();
    const note = index % 10 === 0 ? `"Estimate, row ${index}"` : "";
    lines.push(`"${indicator}",${observedAt},${(index * 7.25) % 100_000},${GRADES[index % GRADES.length]},,${note}`);
  }
  return `${lines.join("\r\n")}\r\n`;
}

const database = await scratchDatabase();
try {
  const app = await startTestApp({ databaseUrl: database.url, seedDemo: true });
  try {
    const board = await app.db.board.findUniqueOrThrow({ where: { slug: DEMO_SLUG }, include: { indicators: true } });
    const owner = await app.db.user.findUniqueOrThrow({ where: { email: "alice@watchfloor.test" } });
    const csv = generateCsv(board.indicators.map((indicator) => indicator.name));
    let readingEndedAt = 0;
    const began = performance.now();
    const result = await importObservationsCsv({
      domain: app.domain,
      actor: owner,
      slug: DEMO_SLUG,
      csv,
      // The last "reading" report comes when the whole file is read and checked.
      onProgress: ({ stage }) => {
        if (stage === "reading") readingEndedAt = performance.now();
      },
    });
    const totalMs = performance.now() - began;
    const readingMs = readingEndedAt - began;
    const exportBegan = performance.now();
    const exported = await exportObservationsCsv({ db: app.db, actor: owner, slug: DEMO_SLUG });
    const exportMs = performance.now() - exportBegan;
    console.log(
      JSON.stringify(
        {
          rows: rowCount,
          imported: result.imported,
          csvBytes: Buffer.byteLength(csv),
          totalMs: Math.round(totalMs),
          readingMs: Math.round(readingMs),
          writingMs: Math.round(totalMs - readingMs),
          rowsPerSecond: Math.round(result.imported / (totalMs / 1000)),
          // For comparison: the observations export of the whole board afterwards (the demo's rows too).
          exportMs: Math.round(exportMs),
          exportBytes: Buffer.byteLength(exported.body),
          cpus: os.cpus().length,
          node: process.version,
        },
        null,
        2,
      ),
    );
  } finally {
    await app.stop();
  }
} finally {
  await database.dispose();
}
