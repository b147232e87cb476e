import os from "node:os";
import { parseArgs } from "node:util";
import { exportObservationsCsv } from "@/server/csv/export-observations-csv";
import { importObservationsCsv } from "@/server/csv/import-observations-csv";
import { startTestApp } from "../tests/support/test-app";
import { scratchDatabase } from "./support/scratch-database";

const DEMO_SLUG = "russia-ukraine-2022-01";
const GRADES = ["A1", "B2", "C3", ""];

const { values } = parseArgs({ options: { rows: { type: "string", default: "100000" } } });
const rowCount = Number(values.rows);
if (!Number.isInteger(rowCount) || rowCount < 1)
  throw new Error(`--rows must be a positive integer, got ${values.rows}`);

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
    const exported = await exportObservationsCsv({ db: app.db, workers: app.workers, actor: owner, slug: DEMO_SLUG });
    // The file streams from a worker thread: the export is done when its last byte has come.
    const exportBytes = Buffer.concat(await exported.body.toArray()).length;
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
          exportBytes,
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
