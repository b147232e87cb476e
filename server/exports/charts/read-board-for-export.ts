// Exports read a whole board as its members see it, after the same check as every read. The snapshot
// stays the JSON text PostgreSQL builds (read-board-snapshot-json.ts): only the worker thread parses it,
// so a big board costs the event loop no parse. The indicator ids come with it, for checking the query here.
import type { Actor } from "../../actor";
import { authorize, boardIdOfSlug } from "../../boards/access";
import { readBoardSnapshotJson } from "../../boards/read-board-snapshot-json";
import type { Database } from "../../db/client";

export type BoardForExport = { snapshotJson: string; indicatorIds: string[] };

export async function readBoardForExport(options: {
  db: Database;
  actor: Actor;
  slug: string;
}): Promise<BoardForExport> {
  const { db } = options;
  const boardId = await boardIdOfSlug(db, options.slug);
  await authorize({ db, actor: options.actor, boardId, action: "board.read" });
  const { snapshot, indicatorIds } = await readBoardSnapshotJson({ db, boardId });
  return { snapshotJson: snapshot.text, indicatorIds };
}
