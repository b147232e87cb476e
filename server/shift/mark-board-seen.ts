// Moves the analyst's last seen on a board forward (issue 19); never back, never past the board's last op.
// Any member may (a viewer reads too). It is not a board change: no op, but the row is committed before the
// ack, so a reload or another device finds it, and every socket of the same analyst is told.
import { type SeenState, ZBoardSeen } from "@/lib/schemas/shift";
import type { Actor } from "../actor";
import type { Domain } from "../domain";
import { AppError, parseInput } from "../errors";

export async function markBoardSeen(options: { domain: Domain; actor: Actor; input: unknown }): Promise<SeenState> {
  const { domain, actor } = options;
  const { boardId, seq } = parseInput(ZBoardSeen, options.input);
  // One statement: the clamp reads the board's lastSeq as the update sees it, and no membership (a stranger,
  // a board that does not exist) updates nothing, which is NOT_FOUND as everywhere.
  const rows = await domain.db.$queryRaw<{ lastSeenSeq: number; lastSeenAt: Date }[]>`
    UPDATE "Membership" m
    SET "lastSeenSeq" = GREATEST(m."lastSeenSeq", LEAST(${seq}::int, b."lastSeq")),
        "lastSeenAt" = now() AT TIME ZONE 'UTC'
    FROM "Board" b
    WHERE m."boardId" = ${boardId}::uuid AND m."userId" = ${actor.id} AND b.id = m."boardId"
    RETURNING m."lastSeenSeq", m."lastSeenAt"`;
  const [row] = rows;
  if (!row) throw new AppError("NOT_FOUND", "No such board");
  const state: SeenState = { boardId, seq: row.lastSeenSeq, seenAt: row.lastSeenAt.toISOString() };
  domain.effects.seen(actor.id, state);
  return state;
}
