// Reads a whole board as clients render it, as the JSON text of a BoardSnapshot, in one statement
// (snapshot-sql.ts) so the snapshot and its seq describe the same moment. The text goes onto the socket
// as it is (server/realtime/pass-serialized-json.ts), and exports hand it to their workers: the event
// loop neither builds nor parses 30 MB of objects per read.
import type { BoardSnapshot, WireMember } from "@/lib/schemas/board";
import type { Database } from "../db/client";
import type { TransactionClient } from "../db/transaction";
import { AppError } from "../errors";
import { SerializedJson } from "../realtime/serialized-json";
import { type SnapshotPart, type SnapshotRow, snapshotSql } from "./snapshot-sql";

export async function readBoardSnapshotJson(options: {
  /** A transaction's client reads the rows as that transaction sees them (a checkpoint, server/history). */
  db: Database | TransactionClient;
  boardId: string;
}): Promise<{ seq: number; snapshot: SerializedJson<BoardSnapshot>; indicatorIds: string[] }> {
  const rows = await options.db.$queryRaw<SnapshotRow[]>(snapshotSql(options.boardId));
  const first = rows[0];
  if (!first) throw new AppError("NOT_FOUND", "No such board");
  rows.sort((a, b) => a.position - b.position || a.chunk - b.chunk);
  const whole = (part: SnapshotPart) => rows.find((row) => row.part === part)?.text ?? "[]";
  const runs = (part: SnapshotPart, position = 0) =>
    linked(rows.filter((row) => row.part === part && row.position === position).map((row) => row.text));
  // An indicator's row is its object without observations: they go in before its closing brace.
  const indicatorRows = rows.filter((row) => row.part === "indicator");
  // Exports check the indicators a query names against these: the same moment as the snapshot.
  const indicatorIds = indicatorRows.map((row) => (JSON.parse(row.text) as { id: string }).id);
  const indicators = indicatorRows.map(
    (row) => `${row.text.slice(0, -1)},"observations":[${runs("observations", row.position)}]}`,
  );
  // Sorted here, as the browser compares names, rather than by the database's collation.
  const members = (JSON.parse(whole("members")) as WireMember[]).sort((a, b) => a.name.localeCompare(b.name));
  const text =
    `{"board":${whole("board")},"events":${whole("events")},"indicators":[${linked(indicators)}],` +
    `"sources":${whole("sources")},"annotations":[${runs("annotations")}],"members":${JSON.stringify(members)}}`;
  return { seq: first.seq, snapshot: new SerializedJson<BoardSnapshot>(text), indicatorIds };
}

/**
 * The texts joined with commas by concatenation rather than Array#join: V8 then links the pieces instead of
 * copying 30 MB into a new string, and the one copy is made when the socket writes the packet.
 */
function linked(texts: string[]): string {
  return texts.reduce((joined, text, index) => (index === 0 ? text : `${joined},${text}`), "");
}
