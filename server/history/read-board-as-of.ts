// The board as it stood at an instant (issue 19): the nearest checkpoint at or before it plus the ops
// after it, applied by the same reducer the browser uses (lib/board-state.ts), in the worker pool.
import type { SnapshotAsOf } from "@/lib/schemas/shift";
import type { Actor } from "../actor";
import type { Domain } from "../domain";

/** Authorized like board:join (NOT_FOUND for a board the caller is not on); `asOf` as the query gives it. */
export async function readBoardAsOf(_options: {
  domain: Domain;
  actor: Actor;
  boardId: string;
  asOf: unknown;
}): Promise<SnapshotAsOf> {
  throw new Error("readBoardAsOf: not built yet (issue 19, in progress)");
}
