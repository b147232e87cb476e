// An RFC 4180 writer (https://www.rfc-editor.org/rfc/rfc4180): CRLF after every record, a field quoted
// when it holds a comma, a quote or a line break, quotes doubled inside. Text cells pass through the
// formula guard; numbers are written in JavaScript's shortest form that parses back to the same double.
import { guardFormula } from "./formula-guard";

export type CsvCell = string | number | null;

/** What an export answers with; the HTTP edge sends `body` as an attachment named `filename`. */
export type CsvFile = { contentType: "text/csv; charset=utf-8"; filename: string; body: string };

/**
 * Excel reads a CSV without a byte order mark in the machine's legacy code page and garbles every
 * non-ASCII character ("–" becomes "â€“"), so exports start with one. csv-parse (`bom: true`), Python's
 * "utf-8-sig" and LibreOffice skip it; our own import does too.
 */
export const UTF8_BOM = "\uFEFF";

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(cell: CsvCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  const text = guardFormula(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(csvField).join(",")];
  for (const row of rows) lines.push(row.map(csvField).join(","));
  return `${UTF8_BOM}${lines.join("\r\n")}\r\n`;
}

export function csvFile(filename: string, header: readonly string[], rows: Iterable<readonly CsvCell[]>): CsvFile {
  return { contentType: "text/csv; charset=utf-8", filename, body: toCsv(header, rows) };
}
