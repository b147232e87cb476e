// Every observation on a board as CSV, with its indicator, grade and source, for any member. The rows
// are read here, on the main thread; the file is written in a worker and streamed (observations-csv.ts).
import type { Actor } from "../actor";
import { authorize, boardIdOfSlug } from "../boards/access";
import type { Database } from "../db/client";
import type { WorkerPool } from "../workers/create-worker-pool";
import type { CsvFile } from "./write-csv";

export async function exportObservationsCsv(options: {
  db: Database;
  workers: WorkerPool;
  actor: Actor;
  slug: string;
}): Promise<CsvFile> {
  const { db, actor, slug } = options;
  const boardId = await boardIdOfSlug(db, slug);
  await authorize({ db, actor, boardId, action: "board.read" });
  const observations = await db.observation.findMany({
    where: { indicator: { boardId } },
    // Indicators in the board's order (as the snapshot lists them), each one's figures in time order.
    orderBy: [{ indicator: { createdAt: "asc" } }, { indicatorId: "asc" }, { observedAt: "asc" }, { id: "asc" }],
    include: { indicator: { select: { name: true, unit: true } }, source: { select: { title: true } } },
  });
  const body = await options.workers.stream("observations-csv", observations);
  return { contentType: "text/csv; charset=utf-8", filename: `${slug}-observations.csv`, body };
}
