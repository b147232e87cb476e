// Writes checked observations inside the caller's transaction as multi-row INSERTs: 5,000 rows of 8
// columns is 40,000 bind parameters, under PostgreSQL's 65,535, and few enough round trips that
// 100,000 rows take seconds.
import { randomUUID } from "node:crypto";
import type { TransactionClient } from "../db/transaction";
import type { ObservationToInsert } from "./read-observation-csv";

export const INSERT_BATCH_ROWS = 5_000;

export async function insertObservations(
  tx: TransactionClient,
  observations: ObservationToInsert[],
  onRowsWritten?: (rows: number) => void,
): Promise<void> {
  for (let start = 0; start < observations.length; start += INSERT_BATCH_ROWS) {
    const batch = observations.slice(start, start + INSERT_BATCH_ROWS);
    await tx.observation.createMany({ data: batch.map((observation) => ({ id: randomUUID(), ...observation })) });
    onRowsWritten?.(start + batch.length);
  }
}
