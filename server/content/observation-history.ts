// observation:history — a figure's history is its ops: every version, who entered or corrected it, and
// when. (Figures are created, corrected and deleted like every board fact: content-services.ts.)
import type { WireObservation } from "@/lib/schemas/board";
import { ZContentRef } from "@/lib/schemas/content";
import type { Actor } from "../actor";
import { authorize } from "../boards/access";
import type { Database } from "../db/client";
import { AppError, parseInput } from "../errors";
import { toWireObservation } from "./to-wire";

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
