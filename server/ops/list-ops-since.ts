// Reads a board's ops after a given seq, in order: the catch-up path of board:join.
import type { WireOp } from "@/lib/ops";
import type { Database } from "../db/client";

export async function listOpsSince(options: { db: Database; boardId: string; sinceSeq: number }): Promise<WireOp[]> {
  const rows = await options.db.op.findMany({
    where: { boardId: options.boardId, seq: { gt: options.sinceSeq } },
    orderBy: { seq: "asc" },
    select: { seq: true, type: true, actorId: true, createdAt: true, payload: true },
  });
  return rows.map(
    (row) =>
      ({
        boardId: options.boardId,
        seq: row.seq,
        type: row.type,
        actorId: row.actorId,
        at: row.createdAt.toISOString(),
        data: row.payload,
      }) as WireOp,
  );
}
