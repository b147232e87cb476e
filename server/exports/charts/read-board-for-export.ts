// Exports read a whole board as its members see it, after the same check as every read. The snapshot
// stays the JSON text PostgreSQL builds (read-board-snapshot-json.ts) or the as-of read gives: only the
// worker thread parses it, so a big board costs the event loop no parse. The indicator ids come with it,
// for checking the query here.
import type { Actor } from "../../actor";
import { authorize, boardIdOfSlug } from "../../boards/access";
import { readBoardSnapshotJson } from "../../boards/read-board-snapshot-json";
import type { Database } from "../../db/client";
import { snapshotAsOfJson } from "../../history/snapshot-as-of";
import type { WorkerPool } from "../../workers/create-worker-pool";

export type BoardForExport = {
  snapshotJson: string;
  indicatorIds: string[];
  /** Set when the export shows the board as it stood at an instant (issue 19): that instant. */
  knownAt: Date | null;
};

export async function readBoardForExport(options: {
  db: Database;
  workers: WorkerPool;
  actor: Actor;
  slug: string;
  /** An instant already checked by the export's query schema (not in the future). */
  asOf?: string;
}): Promise<BoardForExport> {
  const { db } = options;
  const boardId = await boardIdOfSlug(db, options.slug);
  await authorize({ db, actor: options.actor, boardId, action: "board.read" });
  if (options.asOf === undefined) {
    const { snapshot, indicatorIds } = await readBoardSnapshotJson({ db, boardId });
    return { snapshotJson: snapshot.text, indicatorIds, knownAt: null };
  }
  const asOf = new Date(options.asOf);
  const past = await snapshotAsOfJson({ db, workers: options.workers, boardId, asOf });
  // The query's indicators are checked without parsing the old snapshot here: any indicator on the board
  // now or created by then is accepted (one that did not exist then is simply not drawn), so the page's
  // as-of view may name an indicator deleted since.
  const [now, created] = await Promise.all([
    db.indicator.findMany({ where: { boardId }, select: { id: true } }),
    db.op.findMany({
      where: { boardId, type: "indicator.created", createdAt: { lte: asOf } },
      select: { entityId: true },
    }),
  ]);
  const indicatorIds = [...new Set([...now.map(({ id }) => id), ...created.map(({ entityId }) => entityId)])];
  return { snapshotJson: past.snapshotJson, indicatorIds, knownAt: asOf };
}
