// Every event on a board as CSV, with the sources it rests on, for any member. The rows are read here,
// on the main thread; the file is written in a worker and streamed (events-csv.ts).
import type { Actor } from "../actor";
import { authorize, boardIdOfSlug } from "../boards/access";
import type { Database } from "../db/client";
import type { WorkerPool } from "../workers/create-worker-pool";
import type { CsvFile } from "./write-csv";

export async function exportEventsCsv(options: {
  db: Database;
  workers: WorkerPool;
  actor: Actor;
  slug: string;
}): Promise<CsvFile> {
  const { db, actor, slug } = options;
  const boardId = await boardIdOfSlug(db, slug);
  await authorize({ db, actor, boardId, action: "board.read" });
  const events = await db.event.findMany({
    where: { boardId },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    include: {
      sources: {
        select: { source: { select: { id: true, title: true } } },
        orderBy: [{ source: { title: "asc" } }, { sourceId: "asc" }],
      },
    },
  });
  const body = await options.workers.stream("events-csv", events);
  return { contentType: "text/csv; charset=utf-8", filename: `${slug}-events.csv`, body };
}
