// Line 1 of an observations file: which column is where. Names are matched ignoring case and spaces
// around them; an unknown, doubled or missing required column makes the whole file unreadable.
import {
  type CsvLineError,
  IGNORED_OBSERVATION_CSV_COLUMNS,
  OBSERVATION_CSV_COLUMNS,
  type ObservationCsvColumn,
  REQUIRED_OBSERVATION_CSV_COLUMNS,
} from "@/lib/schemas/observation-csv";

/** Where each column the import reads sits in a row; absent optional columns are missing here. */
export type ColumnPositions = { positions: Map<ObservationCsvColumn, number>; width: number };

const KNOWN: ReadonlySet<string> = new Set([...OBSERVATION_CSV_COLUMNS, ...IGNORED_OBSERVATION_CSV_COLUMNS]);
const isReadColumn = (name: string): name is ObservationCsvColumn =>
  (OBSERVATION_CSV_COLUMNS as readonly string[]).includes(name);

export function readHeader(fields: string[]): ColumnPositions | CsvLineError[] {
  const names = fields.map((field) => field.trim().toLowerCase());
  if (names.length === 1 && names[0]?.includes(";")) {
    return [{ line: 1, message: "the columns are separated by semicolons; save the file with commas" }];
  }
  const errors: CsvLineError[] = [];
  const positions = new Map<ObservationCsvColumn, number>();
  const seen = new Set<string>();
  names.forEach((name, index) => {
    if (seen.has(name)) errors.push({ line: 1, column: name, message: `the column "${name}" appears twice` });
    else if (!KNOWN.has(name)) {
      errors.push({
        line: 1,
        column: name,
        message: `unknown column "${name}" (the columns are ${OBSERVATION_CSV_COLUMNS.join(", ")})`,
      });
    } else if (isReadColumn(name)) positions.set(name, index);
    seen.add(name);
  });
  for (const required of REQUIRED_OBSERVATION_CSV_COLUMNS) {
    if (!seen.has(required)) errors.push({ line: 1, column: required, message: `the column "${required}" is missing` });
  }
  return errors.length ? errors : { positions, width: names.length };
}
