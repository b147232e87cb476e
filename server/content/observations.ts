// observation:create / observation:update / observation:delete / observation:history — one value of an
// indicator at one time, with its source and Admiralty grade. A new figure that crosses the indicator's
// warning threshold also writes a warning annotation (in the same transaction) and alerts the board.
import type { WireWarning } from "@/lib/events";
import type { WireObservation } from "@/lib/schemas/board";
import { ZContentRef, ZObservationCreate, ZObservationUpdate } from "@/lib/schemas/content";
import type { Actor } from "../actor";
import { authorize } from "../boards/access";
import type { Database } from "../db/client";
import type { TransactionClient } from "../db/transaction";
import type { Domain } from "../domain";
import { AppError, parseInput } from "../errors";
import { commitBoardChange } from "../ops/commit-board-change";
import { commitContentChange, creationSeq } from "./commit-content-change";
import { createOnce, notOnBoard } from "./replay";
import { writeThresholdWarning } from "./threshold-warning";
import { toWireObservation } from "./to-wire";

type Options = { domain: Domain; actor: Actor; input: unknown };
type Result = { observation: WireObservation; seq: number; warning: WireWarning | null };

async function checkSource(
  tx: TransactionClient,
  boardId: string,
  sourceId: string | null | undefined,
): Promise<string | null> {
  if (!sourceId) return null;
  const source = await tx.source.findFirst({ where: { id: sourceId, boardId }, select: { title: true } });
  if (!source) throw notOnBoard("source", ["sourceId"]);
  return source.title;
}

export async function createObservation({ domain, actor, input: raw }: Options): Promise<Result> {
  const input = parseInput(ZObservationCreate, raw);
  return createOnce({
    boardId: input.boardId,
    find: async () => {
      const row = await domain.db.observation.findUnique({
        where: { id: input.id },
        include: { indicator: { select: { boardId: true } } },
      });
      if (!row) return null;
      const seq = await creationSeq(domain.db, row.indicator.boardId, row.id, "observation.created");
      return { boardId: row.indicator.boardId, result: { observation: toWireObservation(row), seq, warning: null } };
    },
    create: () => writeObservation(domain, actor, input),
  });
}

async function writeObservation(
  domain: Domain,
  actor: Actor,
  input: ReturnType<typeof ZObservationCreate.parse>,
): Promise<Result> {
  let warning = null as WireWarning | null;
  const [created] = await commitBoardChange({
    domain,
    actor,
    boardId: input.boardId,
    authority: { action: "content.write" },
    change: async (tx) => {
      const indicator = await tx.indicator.findFirst({ where: { id: input.indicatorId, boardId: input.boardId } });
      if (!indicator) throw notOnBoard("indicator", ["indicatorId"]);
      const sourceTitle = await checkSource(tx, input.boardId, input.sourceId);
      const { boardId: _boardId, ...fields } = input;
      const observation = await tx.observation.create({ data: { ...fields, observedAt: new Date(input.observedAt) } });
      const observed = {
        type: "observation.created",
        entityId: observation.id,
        data: toWireObservation(observation),
      } as const;
      // The warning's op follows the figure's, so clients apply the figure before the note on it.
      const raised = await writeThresholdWarning(tx, {
        boardId: input.boardId,
        enteredBy: actor,
        indicator,
        observation,
        sourceTitle,
      });
      warning = raised?.warning ?? null;
      return raised ? ([observed, raised.change] as const) : ([observed] as const);
    },
  });
  if (warning) domain.effects.alert(warning);
  return { observation: created.data, seq: created.seq, warning };
}

export async function updateObservation({
  domain,
  actor,
  input: raw,
}: Options): Promise<{ observation: WireObservation; seq: number }> {
  const input = parseInput(ZObservationUpdate, raw);
  const op = await commitContentChange({
    domain,
    actor,
    boardId: input.boardId,
    change: async (tx) => {
      const existing = await tx.observation.count({ where: { id: input.id, indicator: { boardId: input.boardId } } });
      if (!existing) throw new AppError("NOT_FOUND", "No such observation");
      await checkSource(tx, input.boardId, input.sourceId);
      const { id, boardId: _boardId, observedAt, ...fields } = input;
      const row = await tx.observation.update({
        where: { id },
        data: { ...fields, ...(observedAt ? { observedAt: new Date(observedAt) } : {}) },
      });
      return { type: "observation.updated", entityId: row.id, data: toWireObservation(row) };
    },
  });
  return { observation: op.data, seq: op.seq };
}

export async function deleteObservation({ domain, actor, input: raw }: Options): Promise<{ id: string; seq: number }> {
  const input = parseInput(ZContentRef, raw);
  const op = await commitContentChange({
    domain,
    actor,
    boardId: input.boardId,
    change: async (tx) => {
      const existing = await tx.observation.findFirst({
        where: { id: input.id, indicator: { boardId: input.boardId } },
      });
      if (!existing) throw new AppError("NOT_FOUND", "No such observation");
      await tx.observation.delete({ where: { id: input.id } });
      return {
        type: "observation.deleted",
        entityId: input.id,
        data: { id: input.id, indicatorId: existing.indicatorId },
      };
    },
  });
  return { id: input.id, seq: op.seq };
}

/** An observation's history is its ops: every version, who entered or corrected it, and when. */
export async function listObservationHistory(options: { db: Database; actor: Actor; input: unknown }) {
  const input = parseInput(ZContentRef, options.input);
  await authorize({ db: options.db, actor: options.actor, boardId: input.boardId, action: "board.read" });
  const ops = await options.db.op.findMany({
    where: { boardId: input.boardId, entityId: input.id, type: { startsWith: "observation." } },
    orderBy: { seq: "asc" },
    include: { actor: { select: { id: true, name: true } } },
  });
  if (!ops.length) {
    // Seeded and bulk-imported figures have no op of their own: their history is the figure as stored.
    const stored = await options.db.observation.findFirst({
      where: { id: input.id, indicator: { boardId: input.boardId } },
    });
    if (!stored) throw new AppError("NOT_FOUND", "No such observation");
    const observation = toWireObservation(stored);
    return {
      id: input.id,
      versions: [{ seq: 0, type: "observation.imported", at: stored.createdAt.toISOString(), by: null, observation }],
    };
  }
  return {
    id: input.id,
    versions: ops.map((op) => ({
      seq: op.seq,
      type: op.type,
      at: op.createdAt.toISOString(),
      by: op.actor,
      observation: op.type === "observation.deleted" ? null : (op.payload as WireObservation),
    })),
  };
}
