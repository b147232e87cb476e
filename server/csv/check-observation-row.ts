// One data row of an observations file: its cells checked against the shared row schema, its indicator
// and source resolved on the board. Returns the row ready to insert, or every problem found in it.
import { type CsvLineError, type TObservationCsvRowInput, ZObservationCsvRow } from "@/lib/schemas/observation-csv";
import type { BoardReferences } from "./board-references";
import { unguardFormula } from "./formula-guard";
import type { ColumnPositions } from "./observation-csv-header";

export type ObservationToInsert = {
  indicatorId: string;
  observedAt: Date;
  value: number;
  sourceId: string | null;
  sourceReliability: "A" | "B" | "C" | "D" | "E" | "F" | null;
  infoCredibility: number | null;
  note: string;
};

export function checkObservationRow(
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
  // Text cells lose the apostrophe the export's formula guard adds, so an export re-imports unchanged.
  const cells = {
    indicator: unguardFormula(cell("indicator")),
    observed_at: cell("observed_at"),
    value: cell("value"),
    grade: cell("grade"),
    source: unguardFormula(cell("source")),
    note: unguardFormula(cell("note")),
  };
  const parsed = ZObservationCsvRow.safeParse(cells);
  const errors: CsvLineError[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ line, column: String(issue.path[0]), message: issue.message }));
  // References are resolved even in a row with other problems, so one report names them all.
  const flagged = new Set(errors.map((error) => error.column));
  const indicator = flagged.has("indicator") ? null : references.indicators.resolve(cells.indicator.trim());
  const source =
    flagged.has("source") || !cells.source.trim() ? { id: null } : references.sources.resolve(cells.source.trim());
  if (indicator && "problem" in indicator) errors.push({ line, column: "indicator", message: indicator.problem });
  if ("problem" in source) errors.push({ line, column: "source", message: source.problem });
  if (!parsed.success || !indicator || "problem" in indicator || "problem" in source) return errors;
  const row = parsed.data;
  return {
    indicatorId: indicator.id,
    observedAt: row.observed_at,
    value: row.value,
    sourceId: source.id,
    ...row.grade,
    note: row.note,
  };
}
