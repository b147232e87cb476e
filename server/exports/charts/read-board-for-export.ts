// Exports read a whole board as its members see it, after the same check as every read.
import type { BoardSnapshot } from "@/lib/schemas/board";
import type { Actor } from "../../actor";
import { authorize, boardIdOfSlug } from "../../boards/access";
import { readBoardSnapshot } from "../../boards/read-board-snapshot";
import type { Database } from "../../db/client";

export async function readBoardForExport(options: {
  db: Database;
  actor: Actor;
  slug: string;
}): Promise<BoardSnapshot> {
  const boardId = await boardIdOfSlug(options.db, options.slug);
  await authorize({ db: options.db, actor: options.actor, boardId, action: "board.read" });
  const { snapshot } = await readBoardSnapshot({ db: options.db, boardId });
  return snapshot;
}
