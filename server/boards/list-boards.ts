// The boards the actor belongs to, with the actor's role on each (GET /api/boards, the home page).
import type { BoardSummary } from "@/lib/schemas/board";
import type { Actor } from "../actor";
import type { Database } from "../db/client";
import { toWireBoard, WIRE_BOARD_SELECT } from "./to-wire-board";

export async function listBoards(options: { db: Database; actor: Actor }): Promise<BoardSummary[]> {
  const memberships = await options.db.membership.findMany({
    where: { userId: options.actor.id },
    include: { board: { select: WIRE_BOARD_SELECT } },
    orderBy: { board: { title: "asc" } },
  });
  return memberships.map(({ board, role }) => ({ ...toWireBoard(board), role }));
}
