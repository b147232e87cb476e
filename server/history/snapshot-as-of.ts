// The board's wire snapshot as it stood at an instant, as JSON text (issue 19), for callers that have
// already authorized the reader (readBoardAsOf, the exports). Built in the worker pool from the nearest
// checkpoint at or before the instant and the ops after it.
import type { Database } from "../db/client";
import type { WorkerPool } from "../workers/create-worker-pool";

export type SnapshotAsOfJson = { seq: number; asOf: string; snapshotJson: string };

export async function snapshotAsOfJson(_options: {
  db: Database;
  workers: WorkerPool;
  boardId: string;
  asOf: Date;
}): Promise<SnapshotAsOfJson> {
  throw new Error("snapshotAsOfJson: not built yet (issue 19, in progress)");
}
