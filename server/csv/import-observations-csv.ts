// Bulk import of observations from CSV (docs/csv.md), from the board's upload form and from
// `npm run import:observations`. Every row is checked before anything is written; the rows then go in
// in one transaction with ONE op, observations.imported, on which clients fetch a fresh snapshot.
import type { Readable } from "node:stream";
import { MessageChannel } from "node:worker_threads";
import {
  type CsvLineError,
  OBSERVATION_CSV_LIMITS,
  type ObservationImportMode,
  type ObservationImportResult,
  toCsvIssue,
} from "@/lib/schemas/observation-csv";
import type { Actor } from "../actor";
import { authorize, boardIdOfSlug } from "../boards/access";
import type { TransactionClient } from "../db/transaction";
import type { Domain } from "../domain";
import { AppError } from "../errors";
import { checkpointCurrentRows } from "../history/checkpoints";
import { admitBoardChange, commitBoardChange } from "../ops/commit-board-change";
import { type BoardReferenceRows, readBoardReferenceRows } from "./board-references";
import type { ObservationToInsert } from "./check-observation-row";
import { insertObservations } from "./insert-observations";
import type { ObservationCsvResult } from "./read-observation-csv-task";
import { readWithin } from "./read-within";

export type ImportProgress = { stage: "reading" | "writing"; rows: number; totalRows?: number };

/** Generous: 200,000 rows are written in well under a minute; the default 5 s would cut them off. */
const TRANSACTION_TIMEOUT_MS = 10 * 60_000;

/**
 * "all-or-nothing" (the default) refuses the whole file when any row is wrong: VALIDATION, with one issue
 * per problem, path [line, column]. "valid-rows" writes the good rows and returns the bad ones as errors.
 * A problem with the file as a whole (header, syntax, more than 200,000 rows) refuses it in either mode.
 */
export async function importObservationsCsv(options: {
  domain: Domain;
  actor: Actor;
  slug: string;
  csv: string | Readable;
  onProgress?: (progress: ImportProgress) => void;
  mode?: ObservationImportMode;
}): Promise<ObservationImportResult> {
  const { domain, actor, onProgress } = options;
  const boardId = await boardIdOfSlug(domain.db, options.slug);
  // One token per attempt, taken before the reading, which is what a large file costs the server.
  const admission = await admitBoardChange({ domain, actor, boardId, authority: { action: "content.write" } });

  const { observations, report } = await readInWorker(domain, {
    csv: options.csv,
    references: await readBoardReferenceRows(domain.db, boardId),
    onRowsRead: (rows) => onProgress?.({ stage: "reading", rows }),
  });
  if (report.fatal || ((options.mode ?? "all-or-nothing") === "all-or-nothing" && report.rejectedRows > 0)) {
    throw refusal(report);
  }
  const result = { imported: observations.length, errors: report.listed, rejectedRows: report.rejectedRows };
  if (observations.length === 0) return result;

  const totalRows = observations.length;
  await commitBoardChange({
    domain,
    actor,
    boardId,
    authority: admission,
    transaction: { timeout: TRANSACTION_TIMEOUT_MS },
    change: async (tx) => {
      // Reading a large upload takes a while: the actor's role and the referenced rows are checked again.
      await authorize({ db: tx, actor, boardId, action: "content.write" });
      await checkReferencesStillOnBoard(tx, boardId, observations);
      await insertObservations(tx, observations, (rows) => onProgress?.({ stage: "writing", rows, totalRows }));
      const indicatorIds = [...new Set(observations.map((observation) => observation.indicatorId))];
      return [{ type: "observations.imported", entityId: boardId, data: { indicatorIds, count: totalRows } }] as const;
    },
    // The op carries no rows, so an "as of" replay cannot cross it: the board as it stands at the op is
    // kept as a checkpoint, in the same transaction (docs/history.md).
    afterAppend: async (tx) => {
      await checkpointCurrentRows(tx, boardId, "import");
    },
  });
  return result;
}

/**
 * The file is parsed and every row checked in a worker thread: a 200,000-row file is seconds of CPU that
 * would otherwise stop every live board on this node. Its size is checked here first, where a refusal
 * keeps its type (PAYLOAD_TOO_LARGE); a stream (the CLI's file) is read here, which is I/O, not CPU.
 */
async function readInWorker(
  domain: Domain,
  options: { csv: string | Readable; references: BoardReferenceRows; onRowsRead: (rows: number) => void },
): Promise<ObservationCsvResult> {
  const csv = await readWithin(options.csv, OBSERVATION_CSV_LIMITS.bytes);
  const progress = new MessageChannel();
  progress.port1.on("message", (rows: number) => options.onRowsRead(rows));
  try {
    const result = await domain.workers.run(
      "read-observation-csv",
      { csv, references: options.references, progress: progress.port2 },
      { transferList: [progress.port2, ...(typeof csv === "string" ? [] : [csv.buffer])] },
    );
    options.onRowsRead(result.rowsRead);
    return result;
  } finally {
    progress.port1.close();
  }
}

function refusal(report: ObservationCsvResult["report"]): AppError {
  const issues = report.listed.map(toCsvIssue);
  if (report.fatal) {
    return new AppError("VALIDATION", `Nothing was imported: ${describeLineError(report.fatal)}`, issues);
  }
  const unlisted = report.problems > report.listed.length ? ` (the first ${report.listed.length} listed)` : "";
  const found = `${count(report.problems, "problem")} in ${count(report.rejectedRows, "row")}${unlisted}`;
  return new AppError("VALIDATION", `${found}; nothing was imported`, issues);
}

const count = (amount: number, noun: string) => `${amount.toLocaleString("en")} ${noun}${amount === 1 ? "" : "s"}`;

function describeLineError(error: CsvLineError): string {
  return `line ${error.line}${error.column ? `, ${error.column}` : ""}: ${error.message}`;
}

async function checkReferencesStillOnBoard(
  tx: TransactionClient,
  boardId: string,
  observations: ObservationToInsert[],
): Promise<void> {
  const indicatorIds = [...new Set(observations.map((observation) => observation.indicatorId))];
  const sourceIds = [...new Set(observations.flatMap((observation) => observation.sourceId ?? []))];
  const indicators = await tx.indicator.count({ where: { boardId, id: { in: indicatorIds } } });
  const sources = await tx.source.count({ where: { boardId, id: { in: sourceIds } } });
  if (indicators !== indicatorIds.length || sources !== sourceIds.length) {
    throw new AppError("CONFLICT", "An indicator or source was deleted during the import; nothing was imported");
  }
}
