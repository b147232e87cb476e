// One board by slug, for a member (GET /api/boards/:slug). Non-members get NOT_FOUND, as for no board.
import type { BoardSummary } from "@/lib/schemas/board";
import type { Actor } from "../actor";
import type { Database } from "../db/client";
import { AppError } from "../errors";
import { authorize } from "./access";
import { toWireBoard, WIRE_BOARD_SELECT } from "./to-wire-board";

export async function getBoard(options: { db: Database; actor: Actor; slug: string }): Promise<BoardSummary> {
  const board = await options.db.board.findUnique({ where: { slug: options.slug }, select: WIRE_BOARD_SELECT });
  if (!board) throw new AppError("NOT_FOUND", "No such board");
  const { role } = await authorize({ db: options.db, actor: options.actor, boardId: board.id, action: "board.read" });
  return { ...toWireBoard(board), role };
}
