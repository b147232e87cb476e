// Writes checked observations inside the caller's transaction, 5,000 rows per INSERT … SELECT FROM
// unnest(…): one statement with one array parameter per column. Prisma's createMany took ~20 s for
// 100,000 rows here (docs/csv.md); this takes a few.
import { randomUUID } from "node:crypto";
import type { TransactionClient } from "../db/transaction";
import type { ObservationToInsert } from "./check-observation-row";

export const INSERT_BATCH_ROWS = 5_000;

export async function insertObservations(
  tx: TransactionClient,
  observations: ObservationToInsert[],
  onRowsWritten?: (rows: number) => void,
): Promise<void> {
  // One creation time for the whole import; written as Prisma writes DateTime: UTC, in a column without zone.
  const createdAt = new Date().toISOString();
  for (let start = 0; start < observations.length; start += INSERT_BATCH_ROWS) {
    const batch = observations.slice(start, start + INSERT_BATCH_ROWS);
    await tx.$executeRaw`
      INSERT INTO "Observation"
        ("id", "indicatorId", "observedAt", "value", "sourceId", "sourceReliability", "infoCredibility", "note", "createdAt")
      SELECT *, ${createdAt}::timestamp(3) FROM unnest(
        ${batch.map(() => randomUUID())}::uuid[],
        ${batch.map((row) => row.indicatorId)}::uuid[],
        ${batch.map((row) => row.observedAt.toISOString())}::timestamp(3)[],
        ${batch.map((row) => row.value)}::double precision[],
        ${batch.map((row) => row.sourceId)}::uuid[],
        ${batch.map((row) => row.sourceReliability)}::"SourceReliability"[],
        ${batch.map((row) => row.infoCredibility)}::integer[],
        ${batch.map((row) => row.note)}::text[]
      )`;
    onRowsWritten?.(start + batch.length);
  }
}
