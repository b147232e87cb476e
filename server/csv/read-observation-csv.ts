// Reads an observations file row by row as it streams in, checking each row and resolving its
// indicator and source, and keeps the rows fit to insert. Nothing is written here.
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CsvError, type Info, parse } from "csv-parse";
import {
  type CsvLineError,
  OBSERVATION_CSV_LIMITS,
  type TObservationCsvRowInput,
  ZObservationCsvRow,
} from "@/lib/schemas/observation-csv";
import { AppError } from "../errors";
import type { BoardReferences } from "./board-references";
import { unguardFormula } from "./formula-guard";
import { type ColumnPositions, readHeader } from "./observation-csv-header";
import { ProblemReport } from "./problem-report";

export type ObservationToInsert = {
  indicatorId: string;
  observedAt: Date;
  value: number;
  sourceId: string | null;
  sourceReliability: "A" | "B" | "C" | "D" | "E" | "F" | null;
  infoCredibility: number | null;
  note: string;
};

export type ObservationCsvReading = { observations: ObservationToInsert[]; report: ProblemReport };

const PROGRESS_EVERY_ROWS = 5_000;

// Blank lines are skipped (a trailing one is common); a row with the wrong number of fields is
// reported by us, with its line, rather than stopping the parser.
const PARSE_OPTIONS = { bom: true, info: true, relax_column_count: true, skip_empty_lines: true } as const;

type ParsedRecord = { record: string[]; info: Info };

export async function readObservationCsv(options: {
  input: string | Readable;
  references: BoardReferences;
  onRowsRead?: (rows: number) => void;
}): Promise<ObservationCsvReading> {
  const report = new ProblemReport();
  const observations: ObservationToInsert[] = [];
  const parser = parse(PARSE_OPTIONS);
  const feeding = pipeline(chunksWithin(options.input, OBSERVATION_CSV_LIMITS.bytes), parser);
  let columns: ColumnPositions | undefined;
  let lastLine = 0;
  let emptyLinesBefore = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<ParsedRecord>) {
      // csv-parse counts lines up to a record's end; a quoted line break makes a row span several.
      const line = lastLine + 1 + (info.empty_lines - emptyLinesBefore);
      lastLine = info.lines;
      emptyLinesBefore = info.empty_lines;
      if (!columns) {
        const header = readHeader(record);
        if (Array.isArray(header)) {
          report.stop(header);
          break;
        }
        columns = header;
        continue;
      }
      if (observations.length + report.rejectedRows === OBSERVATION_CSV_LIMITS.rows) {
        report.stop([{ line, message: `more than ${OBSERVATION_CSV_LIMITS.rows} rows; split the file` }]);
        break;
      }
      const checked = checkRow(record, line, columns, options.references);
      if (Array.isArray(checked)) report.rejectRow(checked);
      else observations.push(checked);
      const rowsRead = observations.length + report.rejectedRows;
      if (rowsRead % PROGRESS_EVERY_ROWS === 0) options.onRowsRead?.(rowsRead);
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    report.stop([describeParseError(error, lastLine + 1)]);
  } finally {
    // Failures surface through the loop above; stopping early closes the pipeline, which is no failure.
    await feeding.catch(() => undefined);
  }
  const rowsRead = observations.length + report.rejectedRows;
  if (!columns && !report.fatal) report.stop([{ line: 1, message: "the file is empty; line 1 must name the columns" }]);
  else if (rowsRead === 0 && !report.fatal) report.stop([{ line: 2, message: "no rows after the header" }]);
  options.onRowsRead?.(rowsRead);
  return { observations, report };
}

/**
 * The input's chunks, refusing more than `limit` bytes. A stream it is handed is never destroyed: an
 * HTTP request body must stay intact for the answer to be sent (Node discards the rest itself).
 */
async function* chunksWithin(input: string | Readable, limit: number): AsyncGenerator<string | Buffer> {
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${limit / 1024 / 1024} MiB`);
  if (typeof input === "string") {
    if (Buffer.byteLength(input) > limit) throw tooLarge();
    yield input;
    return;
  }
  let bytes = 0;
  for await (const chunk of input.iterator({ destroyOnReturn: false }) as AsyncIterable<string | Buffer>) {
    bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
    if (bytes > limit) throw tooLarge();
    yield chunk;
  }
}

function checkRow(
  fields: string[],
  line: number,
  columns: ColumnPositions,
  references: BoardReferences,
): ObservationToInsert | CsvLineError[] {
  if (fields.length !== columns.width) {
    return [{ line, message: `${fields.length} fields where the header names ${columns.width}` }];
  }
  const cell = (column: keyof TObservationCsvRowInput) => {
    const position = columns.positions.get(column);
    return position === undefined ? "" : (fields[position] ?? "");
  };
  const parsed = ZObservationCsvRow.safeParse({
    indicator: unguardFormula(cell("indicator")),
    observed_at: cell("observed_at"),
    value: cell("value"),
    grade: cell("grade"),
    source: unguardFormula(cell("source")),
    note: unguardFormula(cell("note")),
  });
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({ line, column: String(issue.path[0]), message: issue.message }));
  }
  const row = parsed.data;
  const indicator = references.indicators.resolve(row.indicator);
  const source = row.source ? references.sources.resolve(row.source) : { id: null };
  const errors: CsvLineError[] = [];
  if ("problem" in indicator) errors.push({ line, column: "indicator", message: indicator.problem });
  if ("problem" in source) errors.push({ line, column: "source", message: source.problem });
  if (!("id" in indicator) || !("id" in source)) return errors;
  return {
    indicatorId: indicator.id,
    observedAt: row.observed_at,
    value: row.value,
    sourceId: source.id,
    ...row.grade,
    note: row.note,
  };
}

/** csv-parse's own words, or plainer ones for the mistakes spreadsheets and hand edits make. */
function describeParseError(error: CsvError, recordStartLine: number): CsvLineError {
  const line = typeof error.lines === "number" ? error.lines : recordStartLine;
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      // The parser only notices at the end of the file; the row where the quote opened is more useful.
      return { line: recordStartLine, message: "a quote opened in this row is never closed" };
    case "CSV_INVALID_CLOSING_QUOTE":
      return {
        line,
        message: "a closing quote must be followed by a comma or the end of the line (double a quote inside quotes)",
      };
    case "CSV_MAX_RECORD_SIZE":
      return { line: recordStartLine, message: "a row is too long; is a quote left open?" };
    default:
      return { line, message: error.message };
  }
}
