// RFC 4180 CSV (https://www.rfc-editor.org/rfc/rfc4180) with csv-stringify: CRLF after every record, a
// field quoted when it holds a comma, a quote or a line break, quotes doubled inside. Text cells pass
// through our formula guard (csv-stringify's own escape_formulas differs: it would not round-trip
// through unguardFormula); numbers are written in JavaScript's shortest form that parses back to the
// same double. The bytes are those of the hand-written writer this replaced (tests/unit/csv-writer.test.ts).
import type { Readable } from "node:stream";
import { type Options, stringify } from "csv-stringify/sync";
import { guardFormula } from "./formula-guard";

export type CsvCell = string | number | null;

/** What an export answers with; the HTTP edge streams `body` as an attachment named `filename`. */
export type CsvFile = { contentType: "text/csv; charset=utf-8"; filename: string; body: Readable };

/** Rows are written this many at a time, so a big file leaves the worker in pieces (server/workers/stream-text.ts). */
const BATCH_ROWS = 500;

/**
 * Excel reads a CSV without a byte order mark in the machine's legacy code page and garbles every
 * non-ASCII character ("–" becomes "â€“"), so exports start with one. csv-parse (`bom: true`), Python's
 * "utf-8-sig" and LibreOffice skip it; our own import does too.
 */
export const UTF8_BOM = "\uFEFF";

const FIELDS: Options = {
  record_delimiter: "\r\n",
  // csv-stringify 6.9 quotes a lone "\n" or "\r" only when it is the record delimiter itself.
  quoted_match: /[\r\n]/,
  cast: { string: guardFormula, number: (value) => String(value) },
};

/** One cell as it appears in a file. */
export function csvField(cell: CsvCell): string {
  return stringify([[cell]], { ...FIELDS, eof: false });
}

/** The file in pieces: the byte order mark and the header, then the rows a batch at a time. */
export function* csvText(header: readonly string[], rows: Iterable<readonly CsvCell[]>): Generator<string> {
  yield stringify([header as string[]], { ...FIELDS, bom: true });
  let batch: CsvCell[][] = [];
  for (const row of rows) {
    batch.push(row as CsvCell[]);
    if (batch.length === BATCH_ROWS) {
      yield stringify(batch, FIELDS);
      batch = [];
    }
  }
  if (batch.length > 0) yield stringify(batch, FIELDS);
}

export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  return [...csvText(header, rows)].join("");
}
