// view:save (issue 19): a named set of filters, indicators and time range, saved on the board for
// everyone. Editors and owners save (content.write, as for the board's other shared settings); the id is
// the client's: a new one creates, a known one overwrites. A resend of what is already stored answers the
// stored view and the seq of its last save, and logs nothing (a retry after a lost answer is not news).
import { isDeepStrictEqual } from "node:util";
import { type WireSavedView, ZViewSave } from "@/lib/schemas/shift";
import type { Actor } from "../actor";
import type { TransactionClient } from "../db/transaction";
import type { Domain } from "../domain";
import { AppError, parseInput } from "../errors";
import { lockBoard } from "../members/lock-board";
import { commitBoardChange } from "../ops/commit-board-change";
import { toWireView, VIEW_INCLUDE } from "./to-wire-view";

/**
 * Views on one board at the most: view:list answers them all at once, and each may be a whole message of
 * filters, so the list stays a size a page can take. Far more than a board's shifts need.
 */
export const SAVED_VIEWS_MAX = 100;

export async function saveView(options: {
  domain: Domain;
  actor: Actor;
  input: unknown;
}): Promise<{ view: WireSavedView; seq: number }> {
  const { domain, actor } = options;
  const input = parseInput(ZViewSave, options.input);
  let replayed: { view: WireSavedView; seq: number } | null = null;
  const ops = await commitBoardChange({
    domain,
    actor,
    boardId: input.boardId,
    authority: { action: "content.write" },
    change: async (tx) => {
      // Saves on one board take turns: the name check and the replay check then see every earlier save.
      await lockBoard(tx, input.boardId);
      const stored = await tx.savedView.findUnique({ where: { id: input.id }, include: VIEW_INCLUDE });
      if (stored && stored.boardId !== input.boardId) {
        throw new AppError("CONFLICT", "A view with this id already exists elsewhere");
      }
      if (stored && stored.name === input.name && sameState(stored.state, input.state)) {
        replayed = { view: toWireView(stored), seq: await lastSaveSeq(tx, input.boardId, input.id) };
        return [];
      }
      const namesake = await tx.savedView.findFirst({
        where: { boardId: input.boardId, name: input.name, id: { not: input.id } },
        select: { id: true },
      });
      if (namesake) {
        throw new AppError("CONFLICT", `A view named “${input.name}” already exists on this board`, [
          { path: ["name"], message: "another view has this name; choose another or overwrite that view" },
        ]);
      }
      if (!stored && (await tx.savedView.count({ where: { boardId: input.boardId } })) >= SAVED_VIEWS_MAX) {
        throw new AppError("VALIDATION", `A board keeps at most ${SAVED_VIEWS_MAX} saved views`, [
          { path: ["id"], message: "delete a view or overwrite one before saving a new one" },
        ]);
      }
      const row = stored
        ? await tx.savedView.update({
            where: { id: input.id },
            data: { name: input.name, state: input.state },
            include: VIEW_INCLUDE,
          })
        : await tx.savedView.create({
            data: { id: input.id, boardId: input.boardId, name: input.name, state: input.state, createdById: actor.id },
            include: VIEW_INCLUDE,
          });
      return [{ type: "view.saved", entityId: row.id, data: toWireView(row) }] as const;
    },
  });
  const [op] = ops;
  if (op) return { view: op.data, seq: op.seq };
  if (!replayed) throw new Error("saveView: neither saved nor replayed");
  return replayed;
}

/** Whether two states restore the same view (jsonb keeps its own key order, so compare by value). */
function sameState(stored: unknown, wanted: unknown): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(stored)), JSON.parse(JSON.stringify(wanted)));
}

async function lastSaveSeq(tx: TransactionClient, boardId: string, viewId: string): Promise<number> {
  const op = await tx.op.findFirst({
    where: { boardId, entityId: viewId, type: "view.saved" },
    orderBy: { seq: "desc" },
    select: { seq: true },
  });
  return op?.seq ?? 0;
}
