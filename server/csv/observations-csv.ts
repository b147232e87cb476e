// The observations CSV from the rows export-observations-csv.ts reads: runs in a worker thread
// (server/workers/). The columns are the import's (docs/csv.md) plus `id` and `unit`, so an export re-imports.
import type { Observation } from "../db/generated/client";
import { admiraltyGrade } from "./admiralty-grade";
import { csvText } from "./write-csv";

export const OBSERVATIONS_CSV_HEADER = [
  "id",
  "indicator",
  "unit",
  "observed_at",
  "value",
  "grade",
  "source",
  "note",
] as const;

export type ObservationCsvRow = Observation & {
  indicator: { name: string; unit: string };
  source: { title: string } | null;
};

export function observationsCsvText(observations: ObservationCsvRow[]): Iterable<string> {
  const rows = observations.map((observation) => [
    observation.id,
    observation.indicator.name,
    observation.indicator.unit,
    observation.observedAt.toISOString(),
    observation.value,
    admiraltyGrade(observation.sourceReliability, observation.infoCredibility),
    observation.source?.title ?? null,
    observation.note,
  ]);
  return csvText(OBSERVATIONS_CSV_HEADER, rows);
}
