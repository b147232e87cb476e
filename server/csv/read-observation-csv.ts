// Reads an observations file as it streams in, checking every row (check-observation-row.ts) and
// keeping the ones fit to insert. Nothing is written here.
import type { Readable } from "node:stream";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CsvError, parse } from "csv-parse";
import { type CsvLineError, OBSERVATION_CSV_LIMITS } from "@/lib/schemas/observation-csv";
import type { BoardReferences } from "./board-references";
import { checkObservationRow, type ObservationToInsert } from "./check-observation-row";
import { type ColumnPositions, readHeader } from "./observation-csv-header";
import { ProblemReport } from "./problem-report";
import { chunksWithin } from "./read-within";

export type ObservationCsvReading = { observations: ObservationToInsert[]; report: ProblemReport };

const PROGRESS_EVERY_ROWS = 5_000;
const LINE_BREAK = /\r\n|\r|\n/g;

/** Thrown from inside the parser to stop reading once the file as a whole is refused. */
class StopReading extends Error {}

export async function readObservationCsv(options: {
  input: string | Readable;
  references: BoardReferences;
  onRowsRead?: (rows: number) => void;
}): Promise<ObservationCsvReading> {
  const report = new ProblemReport();
  const observations: ObservationToInsert[] = [];
  let columns: ColumnPositions | undefined;
  let rowsRead = 0;
  // Our own line count: csv-parse's counts a CRLF inside quotes twice. Blank lines are skipped.
  let nextLine = 1;
  let emptyLinesBefore = 0;
  const startLine = (emptyLines: number) => nextLine + emptyLines - emptyLinesBefore;

  // Rows are handled inside the parser, in order, so that a syntax error knows exactly where it is.
  const takeRecord = (fields: string[], emptyLines: number) => {
    const line = startLine(emptyLines);
    emptyLinesBefore = emptyLines;
    nextLine = line + 1 + fields.reduce((breaks, field) => breaks + (field.match(LINE_BREAK)?.length ?? 0), 0);
    if (!columns) {
      const header = readHeader(fields);
      if (Array.isArray(header)) throw stop(report, header);
      columns = header;
      return;
    }
    if (rowsRead === OBSERVATION_CSV_LIMITS.rows) {
      throw stop(report, [
        { line, message: `more than ${OBSERVATION_CSV_LIMITS.rows.toLocaleString("en")} rows; split the file` },
      ]);
    }
    rowsRead++;
    const checked = checkObservationRow(fields, line, columns, options.references);
    if (Array.isArray(checked)) report.rejectRow(checked);
    else observations.push(checked);
    if (rowsRead % PROGRESS_EVERY_ROWS === 0) options.onRowsRead?.(rowsRead);
  };

  const parser = parse({
    bom: true,
    // A row with the wrong number of fields is reported with its line rather than stopping the parse.
    relax_column_count: true,
    skip_empty_lines: true,
    on_record: (fields: string[], context) => {
      takeRecord(fields, context.empty_lines);
      return null;
    },
  });
  try {
    await pipeline(chunksWithin(options.input, OBSERVATION_CSV_LIMITS.bytes), parser, discardAll());
  } catch (error) {
    if (error instanceof CsvError) {
      const emptyLines = typeof error.empty_lines === "number" ? error.empty_lines : emptyLinesBefore;
      report.stop([describeSyntaxError(error, startLine(emptyLines))]);
    } else if (!(error instanceof StopReading)) throw error;
  }
  if (!report.fatal && !columns) report.stop([{ line: 1, message: "the file is empty; line 1 must name the columns" }]);
  if (!report.fatal && rowsRead === 0) report.stop([{ line: 2, message: "no rows after the header" }]);
  options.onRowsRead?.(rowsRead);
  return { observations, report };
}

function stop(report: ProblemReport, errors: CsvLineError[]): StopReading {
  report.stop(errors);
  return new StopReading(errors[0]?.message);
}

/** The parser hands every record to on_record and passes none on; something must still drain it. */
function discardAll(): Writable {
  return new Writable({ objectMode: true, write: (_record, _encoding, done) => done() });
}

/** Syntax errors stop the read (the parser cannot tell where the next row starts); named by the row's first line. */
function describeSyntaxError(error: CsvError, line: number): CsvLineError {
  switch (error.code as string) {
    case "CSV_QUOTE_NOT_CLOSED":
      return { line, message: "a quote opened in this row is never closed" };
    case "CSV_INVALID_CLOSING_QUOTE":
      return { line, message: "a closing quote must be followed by a comma or the end of the line" };
    case "INVALID_OPENING_QUOTE":
      return { line, message: "a quote inside an unquoted field; quote the whole field and double the quote" };
    case "CSV_MAX_RECORD_SIZE":
      return { line, message: "the row is too long; is a quote left open?" };
    default:
      return { line, message: error.message };
  }
}
