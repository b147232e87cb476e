// Worker task "board-as-of": a checkpoint's snapshot plus the ops after it, applied by the reducer the
// browser uses (lib/board-state.ts), answered as the wire snapshot's JSON text. Text in and out: the
// main thread never parses or builds a board of 30 MB (docs/history.md).
import { applyOps, liveBoardOf, snapshotOf } from "@/lib/board-state";
import type { WireOp } from "@/lib/ops";
import type { BoardSnapshot, WireIndicator, WireSource } from "@/lib/schemas/board";

export type BoardAsOfInput = {
  checkpointSeq: number;
  /** The checkpoint's BoardSnapshot as JSON text. */
  checkpointJson: string;
  /** The ops after the checkpoint up to the wanted seq, in seq order, as a JSON array of WireOps. */
  opsJson: string;
};

export type BoardAsOfOutput = { seq: number; snapshotJson: string };

export function boardAsOfTask(input: BoardAsOfInput): BoardAsOfOutput {
  const checkpoint = JSON.parse(input.checkpointJson) as BoardSnapshot;
  const ops = JSON.parse(input.opsJson) as WireOp[];
  const run = applyOps(liveBoardOf(input.checkpointSeq, checkpoint), ops);
  const last = ops.at(-1)?.seq ?? input.checkpointSeq;
  // An import's op carries no rows: a checkpoint is written at each, so a replay never crosses one.
  if (run.gap || run.needsSnapshot || run.board.seq !== last) {
    throw new Error(`board-as-of: the ops after seq ${input.checkpointSeq} cannot be replayed to ${last}`);
  }
  const snapshot = snapshotOf(run.board.state);
  return { seq: run.board.seq, snapshotJson: JSON.stringify(inServerOrder(snapshot, checkpoint, ops)) };
}

/**
 * The lists in the order the server's snapshot gives them (server/boards/snapshot-sql.ts), where the
 * reducer's differs: it appends a changed source or indicator at the end. Sources go by publishedAt
 * (undated last), indicators in creation order: the checkpoint's, then those created after it.
 */
function inServerOrder(snapshot: BoardSnapshot, checkpoint: BoardSnapshot, ops: WireOp[]): BoardSnapshot {
  const created = new Map<string, number>();
  for (const { id } of checkpoint.indicators) created.set(id, created.size);
  for (const op of ops) {
    if (op.type === "indicator.created" && !created.has(op.data.id)) created.set(op.data.id, created.size);
  }
  const position = (indicator: WireIndicator) => created.get(indicator.id) ?? created.size;
  return {
    ...snapshot,
    indicators: [...snapshot.indicators].sort((a, b) => position(a) - position(b)),
    sources: [...snapshot.sources].sort(byPublishedAt),
  };
}

function byPublishedAt(a: WireSource, b: WireSource): number {
  if (a.publishedAt === b.publishedAt) return 0;
  if (a.publishedAt === null) return 1;
  if (b.publishedAt === null) return -1;
  return a.publishedAt < b.publishedAt ? -1 : 1;
}
