// board:search and GET /api/boards/:slug/search — one search over a board's notes and the current
// versions of its documents (PostgreSQL full-text search), for any member who may read the board.
import { type BoardSearchResult, SEARCH_LIMITS, ZBoardSearch } from "@/lib/schemas/search";
import type { Actor } from "../actor";
import { authorize } from "../boards/access";
import type { Database } from "../db/client";
import { parseInput } from "../errors";
import { searchAnnotations } from "./search-annotations";
import { searchPassages } from "./search-passages";

export async function searchBoard(options: { db: Database; actor: Actor; input: unknown }): Promise<BoardSearchResult> {
  const input = parseInput(ZBoardSearch, options.input);
  await authorize({ db: options.db, actor: options.actor, boardId: input.boardId, action: "board.read" });
  const search = { boardId: input.boardId, query: input.query, limit: input.limit ?? SEARCH_LIMITS.defaultResults };
  const [annotations, passages] = await Promise.all([
    searchAnnotations(options.db, search),
    searchPassages(options.db, search),
  ]);
  return { boardId: input.boardId, query: input.query, annotations, passages };
}
