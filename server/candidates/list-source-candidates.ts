// source:candidates — every candidate of a source (all versions, all statuses) with its place in the
// current version: what the document pane loads on open and then keeps live from the candidate.* and
// source.revised ops (issue 15). Anyone who may read the board may read them.
import { type SourceCandidatesAnswer, ZSourceCandidates } from "@/lib/schemas/candidate";
import type { Actor } from "../actor";
import { authorize } from "../boards/access";
import type { Database } from "../db/client";
import { AppError, parseInput } from "../errors";
import { CANDIDATE_INCLUDE, toWireCandidate } from "./to-wire-candidate";

export async function listSourceCandidates(options: {
  db: Database;
  actor: Actor;
  input: unknown;
}): Promise<SourceCandidatesAnswer> {
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
  const rows = await db.candidate.findMany({
    where: { sourceId: input.id },
    // Text order in the current version; those lost there last, in the order of the text they came from.
    orderBy: [
      { anchorStart: { sort: "asc", nulls: "last" } },
      { anchorEnd: "asc" },
      { version: "asc" },
      { start: "asc" },
      { kind: "asc" },
    ],
    include: CANDIDATE_INCLUDE,
  });
  return { version: source.currentVersion, candidates: rows.map(toWireCandidate), seq: board.lastSeq };
}
