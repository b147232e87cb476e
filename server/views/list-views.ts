// view:list (issue 19): the board's saved views by name, for anyone who may read the board, with the
// board's seq they are up to date with so the page applies only the view ops after it.
import { type WireSavedView, ZViewList } from "@/lib/schemas/shift";
import type { Actor } from "../actor";
import { authorize } from "../boards/access";
import type { Domain } from "../domain";
import { parseInput } from "../errors";
import { toWireView, VIEW_INCLUDE } from "./to-wire-view";

export async function listViews(options: {
  domain: Domain;
  actor: Actor;
  input: unknown;
}): Promise<{ views: WireSavedView[]; seq: number }> {
  const { domain, actor } = options;
  const { db } = domain;
  const input = parseInput(ZViewList, options.input);
  await authorize({ db, actor, boardId: input.boardId, action: "board.read" });
  // The seq is read first: the rows read after it hold at least every op up to it, and a view op applied
  // twice (saved by id, deleted by id) changes nothing, so the page may apply every view op after it.
  const board = await db.board.findUniqueOrThrow({ where: { id: input.boardId }, select: { lastSeq: true } });
  const rows = await db.savedView.findMany({
    where: { boardId: input.boardId },
    include: VIEW_INCLUDE,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return { views: rows.map(toWireView), seq: board.lastSeq };
}
