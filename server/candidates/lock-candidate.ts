// Reads a candidate for a decision (confirm, reject) inside the change, locked: its source's row first
// (shared: it waits for a revision in progress, which re-anchors candidates, so the anchor read is the
// current version's) and then the candidate's own row, the order revisions and extraction take them in.
import type { SourceReliability } from "../db/generated/client";
import type { TransactionClient } from "../db/transaction";
import { AppError } from "../errors";
import { CANDIDATE_INCLUDE, type CandidateRow } from "./to-wire-candidate";

export type LockedCandidate = CandidateRow & {
  source: { title: string; reliability: SourceReliability | null; currentVersion: number };
};

export async function lockCandidate(
  tx: TransactionClient,
  boardId: string,
  candidateId: string,
): Promise<LockedCandidate> {
  const found = await tx.candidate.findFirst({ where: { id: candidateId, boardId }, select: { sourceId: true } });
  if (!found) throw new AppError("NOT_FOUND", "No such candidate");
  await tx.$queryRaw`SELECT 1 FROM "Source" WHERE id = ${found.sourceId}::uuid FOR SHARE`;
  await tx.$queryRaw`SELECT 1 FROM "Candidate" WHERE id = ${candidateId}::uuid FOR UPDATE`;
  const locked = await tx.candidate.findFirst({
    where: { id: candidateId, boardId },
    include: { ...CANDIDATE_INCLUDE, source: { select: { title: true, reliability: true, currentVersion: true } } },
  });
  // Deleted with its source meanwhile.
  if (!locked) throw new AppError("NOT_FOUND", "No such candidate");
  return locked;
}

/**
 * A confirmed candidate whose event or observation was deleted since stands for nothing on the board: it
 * may be decided again (confirmed anew, or rejected).
 */
export function standsConfirmed(candidate: CandidateRow): boolean {
  return candidate.status === "confirmed" && (candidate.eventId !== null || candidate.observationId !== null);
}

/** Who decided it, for the message that refuses a second decision. */
export function decider(candidate: CandidateRow): string {
  return candidate.decidedBy?.name ?? "Someone";
}
