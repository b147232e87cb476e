// board:join — a member gets the ops after sinceSeq when close enough, else a fresh snapshot.
import type { WireOp } from "@/lib/ops";
import { type BoardSnapshot, ZBoardJoin } from "@/lib/schemas/board";
import type { Actor } from "../actor";
import type { Database } from "../db/client";
import { parseInput } from "../errors";
import { listOpsSince } from "../ops/list-ops-since";
import type { SerializedJson } from "../realtime/serialized-json";
import { authorize } from "./access";

/** The snapshot is JSON text, written to the socket as it is (server/realtime/pass-serialized-json.ts). */
export type JoinBoardResult = { boardId: string; seq: number } & (
  | { snapshot: SerializedJson<BoardSnapshot> }
  | { ops: WireOp[] }
);

export async function joinBoard(options: {
  db: Database;
  actor: Actor;
  input: unknown;
  catchUpMaxOps: number;
  /** Reads the board's snapshot (shared by the joins waiting for it: share-snapshot-reads.ts). */
  readSnapshot: (boardId: string) => Promise<{ seq: number; snapshot: SerializedJson<BoardSnapshot> }>;
  /** Called once access is granted, before anything is read, so no op can fall between read and live feed. */
  onAuthorized?: (boardId: string) => void;
}): Promise<JoinBoardResult> {
  const { db, actor } = options;
  const input = parseInput(ZBoardJoin, options.input);
  await authorize({ db, actor, boardId: input.boardId, action: "board.read" });
  options.onAuthorized?.(input.boardId);

  if (input.sinceSeq !== undefined) {
    const board = await db.board.findUniqueOrThrow({ where: { id: input.boardId }, select: { lastSeq: true } });
    const behind = board.lastSeq - input.sinceSeq;
    // A sinceSeq ahead of the log means the client saw a different history (e.g. a restored database).
    if (behind >= 0 && behind <= options.catchUpMaxOps) {
      const ops = await listOpsSince({ db, boardId: input.boardId, sinceSeq: input.sinceSeq });
      return { boardId: input.boardId, seq: ops.at(-1)?.seq ?? input.sinceSeq, ops };
    }
  }
  const { seq, snapshot } = await options.readSnapshot(input.boardId);
  return { boardId: input.boardId, seq, snapshot };
}
