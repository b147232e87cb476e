// The board's live annotations as CSV, for any member. The snapshot is read here, on the main thread;
// the file is written in a worker and streamed to the response (annotations-csv.ts).
import type { Actor } from "../actor";
import { authorize, boardIdOfSlug } from "../boards/access";
import { readBoardSnapshotJson } from "../boards/read-board-snapshot-json";
import type { Database } from "../db/client";
import type { WorkerPool } from "../workers/create-worker-pool";
import type { CsvFile } from "./write-csv";

export async function exportAnnotationsCsv(options: {
  db: Database;
  workers: WorkerPool;
  actor: Actor;
  slug: string;
}): Promise<CsvFile> {
  const { db, actor, slug } = options;
  const boardId = await boardIdOfSlug(db, slug);
  await authorize({ db, actor, boardId, action: "board.read" });
  // The snapshot as the JSON text PostgreSQL builds: only the worker parses it.
  const { snapshot } = await readBoardSnapshotJson({ db, boardId });
  const body = await options.workers.stream("annotations-csv", snapshot.text);
  return { contentType: "text/csv; charset=utf-8", filename: `${slug}-annotations.csv`, body };
}
