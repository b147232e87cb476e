// Every observation on a board as CSV, with its indicator, grade and source, for any member. The
// columns are the import's (docs/csv.md) plus `id` and `unit` for readers, so an export re-imports.
import type { Actor } from "../actor";
import { authorize, boardIdOfSlug } from "../boards/access";
import type { Database } from "../db/client";
import { admiraltyGrade } from "./admiralty-grade";
import { type CsvFile, csvFile } from "./write-csv";

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

export async function exportObservationsCsv(options: { db: Database; actor: Actor; slug: string }): Promise<CsvFile> {
  const { db, actor, slug } = options;
  const boardId = await boardIdOfSlug(db, slug);
  await authorize({ db, actor, boardId, action: "board.read" });
  const observations = await db.observation.findMany({
    where: { indicator: { boardId } },
    // Indicators in the board's order (as the snapshot lists them), each one's figures in time order.
    orderBy: [{ indicator: { createdAt: "asc" } }, { indicatorId: "asc" }, { observedAt: "asc" }, { id: "asc" }],
    include: { indicator: { select: { name: true, unit: true } }, source: { select: { title: true } } },
  });
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
  return csvFile(`${slug}-observations.csv`, OBSERVATIONS_CSV_HEADER, rows);
}
