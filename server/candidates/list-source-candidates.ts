// source:candidates — every candidate of a source (all versions, all statuses) with its place in the
// current version: what the document pane loads on open and then keeps live from the candidate.* and
// source.revised ops (issue 15). Anyone who may read the board may read them.
import { type SourceCandidatesAnswer, ZSourceCandidates } from "@/lib/schemas/candidate";
import type { Actor } from "../actor";
import { authorize } from "../boards/access";
import type { Database } from "../db/client";
import { AppError, parseInput } from "../errors";
import { readSourceCandidatesJson, type WithCandidatesJson } from "./read-candidates-json";

export async function listSourceCandidates(options: {
  db: Database;
  actor: Actor;
  input: unknown;
}): Promise<WithCandidatesJson<SourceCandidatesAnswer>> {
  const { db, actor } = options;
  const input = parseInput(ZSourceCandidates, options.input);
  await authorize({ db, actor, boardId: input.boardId, action: "board.read" });
  // The seq is read first: the rows read after it hold at least every op up to it, and applying a later
  // candidate op again changes nothing (ops name candidates by id), so the pane may apply every op after it.
  const board = await db.board.findUniqueOrThrow({ where: { id: input.boardId }, select: { lastSeq: true } });
  const source = await db.source.findFirst({
    where: { id: input.id, boardId: input.boardId },
    select: { currentVersion: true },
  });
  if (!source) throw new AppError("NOT_FOUND", "No such source");
  const candidates = await readSourceCandidatesJson(db, input.id);
  return { version: source.currentVersion, candidates, seq: board.lastSeq };
}
