// The reading and checking of an observations file, as a worker task: the file's text (or bytes) and
// the board's indicator and source names in, the rows fit to insert and the problem report out. The
// caller (import-observations-csv.ts) writes the rows on the main thread, through the domain service.

import { Readable } from "node:stream";
import type { MessagePort } from "node:worker_threads";
import { type BoardReferenceRows, indexBoardReferences } from "./board-references";
import type { ObservationToInsert } from "./check-observation-row";
import type { ProblemReport } from "./problem-report";
import { readObservationCsv } from "./read-observation-csv";

export type ReadObservationCsvInput = {
  csv: string | Uint8Array;
  references: BoardReferenceRows;
  /** Where to post the count of rows read, every few thousand rows. */
  progress?: MessagePort;
};

export type ObservationCsvResult = {
  observations: ObservationToInsert[];
  report: Pick<ProblemReport, "listed" | "problems" | "rejectedRows" | "fatal">;
  rowsRead: number;
};

export async function readObservationCsvTask(input: ReadObservationCsvInput): Promise<ObservationCsvResult> {
  let rowsRead = 0;
  try {
    const { observations, report } = await readObservationCsv({
      input:
        typeof input.csv === "string"
          ? input.csv
          : Readable.from([Buffer.from(input.csv.buffer, input.csv.byteOffset, input.csv.byteLength)]),
      references: indexBoardReferences(input.references),
      onRowsRead: (rows) => {
        rowsRead = rows;
        input.progress?.postMessage(rows);
      },
    });
    const { listed, problems, rejectedRows, fatal } = report;
    return { observations, report: { listed, problems, rejectedRows, fatal }, rowsRead };
  } finally {
    input.progress?.close();
  }
}
