// The board as it stood at an instant (issue 19): the nearest checkpoint at or before it plus the ops
// after it, applied by the same reducer the browser uses (lib/board-state.ts), in the worker pool.
// GET /api/boards/:slug/snapshot?asOf= (docs/http-api.md, docs/history.md).
import { ZSnapshotAsOfQuery } from "@/lib/schemas/shift";
import type { Actor } from "../actor";
import { authorize } from "../boards/access";
import type { Domain } from "../domain";
import { parseInput } from "../errors";
import { type SnapshotAsOfJson, snapshotAsOfJson } from "./snapshot-as-of";

/**
 * Authorized like board:join (NOT_FOUND for a board the caller is not on); `asOf` as the query gives it.
 * Answers the snapshot as JSON text, which the route writes as it is: it is never parsed on this thread.
 */
export async function readBoardAsOf(options: {
  domain: Pick<Domain, "db" | "workers">;
  actor: Actor;
  boardId: string;
  asOf: unknown;
}): Promise<SnapshotAsOfJson> {
  const { domain, actor, boardId } = options;
  await authorize({ db: domain.db, actor, boardId, action: "board.read" });
  const { asOf } = parseInput(ZSnapshotAsOfQuery, { asOf: options.asOf });
  return snapshotAsOfJson({ db: domain.db, workers: domain.workers, boardId, asOf: new Date(asOf) });
}

/** The SnapshotAsOf body, the snapshot's text spliced in rather than parsed and written again. */
export function snapshotAsOfText(result: SnapshotAsOfJson): string {
  return `{"seq":${result.seq},"asOf":${JSON.stringify(result.asOf)},"snapshot":${result.snapshotJson}}`;
}
