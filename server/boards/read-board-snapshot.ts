// Reads a whole board as clients render it, as objects (exports and tests; joins send the JSON text
// as it is: read-board-snapshot-json.ts).
import type { BoardSnapshot } from "@/lib/schemas/board";
import type { Database } from "../db/client";
import { readBoardSnapshotJson } from "./read-board-snapshot-json";

export async function readBoardSnapshot(options: {
  db: Database;
  boardId: string;
}): Promise<{ seq: number; snapshot: BoardSnapshot }> {
  const { seq, snapshot } = await readBoardSnapshotJson(options);
  return { seq, snapshot: snapshot.parse() };
}
