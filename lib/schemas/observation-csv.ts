// The observations CSV import (docs/csv.md): its columns, its limits, the check of one row and the
// report it answers with. Shared so the browser's upload form can name the columns and limits.
import { z } from "zod";
import type { ValidationIssue } from "../errors";
import { LIMITS, ZInstant, ZText } from "./common";

export const OBSERVATION_CSV_LIMITS = {
  rows: 200_000,
  noteLength: LIMITS.description,
  /** Largest file read (bytes): room for the most rows with a generous note on each. */
  bytes: 64 * 1024 * 1024,
  /** Problems listed in a report; the rest are counted, not listed, so a wrong file cannot flood the answer. */
  reportedErrors: 1_000,
} as const;

/** The columns an import reads; the observations export writes them too, so an export re-imports. */
export const OBSERVATION_CSV_COLUMNS = ["indicator", "observed_at", "value", "grade", "source", "note"] as const;
export type ObservationCsvColumn = (typeof OBSERVATION_CSV_COLUMNS)[number];
export const REQUIRED_OBSERVATION_CSV_COLUMNS = ["indicator", "observed_at", "value"] as const;
/** Columns only the export writes (for people reading it); an import accepts and ignores them. */
export const IGNORED_OBSERVATION_CSV_COLUMNS = ["id", "unit"] as const;

export const OBSERVATION_IMPORT_MODES = ["all-or-nothing", "valid-rows"] as const;
export type ObservationImportMode = (typeof OBSERVATION_IMPORT_MODES)[number];

/** One problem in a file. Line 1 is the header; a row spanning lines (a quoted line break) is named by its first. */
export type CsvLineError = { line: number; column?: ObservationCsvColumn | string; message: string };

/** A refused import answers VALIDATION with one issue per problem, its path [line] or [line, column]. */
export function toCsvIssue(error: CsvLineError): ValidationIssue {
  return { path: error.column ? [error.line, error.column] : [error.line], message: error.message };
}

export function fromCsvIssue(issue: ValidationIssue): CsvLineError {
  const [line, column] = issue.path;
  return {
    line: typeof line === "number" ? line : 0,
    ...(typeof column === "string" ? { column } : {}),
    message: issue.message,
  };
}

export type ObservationImportResult = {
  imported: number;
  /** Only in "valid-rows" mode: the rows left out, and why (the first OBSERVATION_CSV_LIMITS.reportedErrors). */
  errors: CsvLineError[];
  rejectedRows: number;
};

// Plain decimal notation only: Number() would also take "0x10", "Infinity" and "" (as 0).
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ADMIRALTY_GRADE = /^([A-F])([1-6])$/;
const RELIABILITY = ["A", "B", "C", "D", "E", "F"] as const;

const ZCsvInstant = z
  .string()
  .trim()
  .pipe(
    z.iso.datetime({
      offset: true,
      error: "not an ISO 8601 date and time with an offset, e.g. 2022-01-10T09:00:00Z",
    }),
  )
  .pipe(ZInstant)
  .transform((iso) => new Date(iso));

const ZCsvNumber = z.string().transform((text, context) => {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (!trimmed) context.issues.push({ code: "custom", input: text, message: "a value is required" });
  else if (!DECIMAL.test(trimmed)) {
    context.issues.push({ code: "custom", input: text, message: "not a number (use a dot for decimals, e.g. 1250.5)" });
  } else if (!Number.isFinite(value)) context.issues.push({ code: "custom", input: text, message: "too large" });
  return value;
});

/** An Admiralty grade such as "B2" (letter: reliability of the source; digit: credibility), or none. */
const ZCsvGrade = z.string().transform((text, context) => {
  const match = ADMIRALTY_GRADE.exec(text.trim().toUpperCase());
  if (match) {
    return {
      sourceReliability: RELIABILITY.find((letter) => letter === match[1]) ?? null,
      infoCredibility: Number(match[2]),
    };
  }
  if (text.trim()) {
    context.issues.push({ code: "custom", input: text, message: "a grade is a letter A–F and a digit 1–6, e.g. B2" });
  }
  return { sourceReliability: null, infoCredibility: null };
});

/** One data row, by column name; optional columns absent from the file arrive as "". */
export const ZObservationCsvRow = z.strictObject({
  indicator: ZText.trim().min(1, "the indicator is required (its name or id on this board)"),
  observed_at: ZCsvInstant,
  value: ZCsvNumber,
  grade: ZCsvGrade,
  source: ZText.trim().max(LIMITS.title, `at most ${LIMITS.title} characters`),
  note: ZText.trim().max(
    OBSERVATION_CSV_LIMITS.noteLength,
    `a note has at most ${OBSERVATION_CSV_LIMITS.noteLength} characters`,
  ),
});
export type TObservationCsvRowInput = z.input<typeof ZObservationCsvRow>;
export type TObservationCsvRow = z.output<typeof ZObservationCsvRow>;
