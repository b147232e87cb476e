// candidate:confirm — an analyst makes a candidate an event or an observation (issue 15), in ONE board
// change: the fact (and a new indicator for a figure, when asked), the evidence passage annotation on the
// candidate's place in the current version, and the candidate marked confirmed. Ops in that order:
// [indicator.created], event.created | observation.created [, its threshold warning], annotation.created,
// candidate.confirmed. The candidate's row lock makes two analysts' confirms one confirm and one CONFLICT;
// the same confirm sent again (same evidenceId) answers what is stored.
import { type CandidateConfirmAnswer, type WireCandidate, ZCandidateConfirm } from "@/lib/schemas/candidate";
import type { Actor } from "../actor";
import { insertAnnotations } from "../annotations/insert-annotation-batch";
import { newAnnotation } from "../annotations/new-annotation";
import type { TransactionClient } from "../db/transaction";
import { passageFacts } from "../documents/passage-check";
import type { Domain } from "../domain";
import { AppError, parseInput } from "../errors";
import { type BoardChange, commitBoardChange } from "../ops/commit-board-change";
import { BECOMES, type ConfirmContext, type ConfirmedFact, confirmFact } from "./confirmed-fact";
import { decider, type LockedCandidate, lockCandidate, standsConfirmed } from "./lock-candidate";
import { CANDIDATE_INCLUDE, toWireCandidate } from "./to-wire-candidate";
import { WAITS_FOR_REVISION } from "./waits-for-revision";

export async function confirmCandidate(options: {
  domain: Domain;
  actor: Actor;
  input: unknown;
}): Promise<CandidateConfirmAnswer> {
  const { domain, actor } = options;
  const input = parseInput(ZCandidateConfirm, options.input);
  let replayed = null as CandidateConfirmAnswer | null;
  let confirmed = null as WireCandidate | null;
  let fact = null as ConfirmedFact | null;
  const ops = await commitBoardChange({
    domain,
    actor,
    boardId: input.boardId,
    authority: { action: "content.write" },
    transaction: WAITS_FOR_REVISION,
    change: async (tx): Promise<BoardChange[]> => {
      const candidate = await lockCandidate(tx, input.boardId, input.candidateId);
      if (candidate.status === "confirmed" && candidate.evidenceAnnotationId === input.evidenceId) {
        replayed = await storedAnswer(tx, input.boardId, candidate);
        return [];
      }
      const span = confirmable(candidate, input.as.type);
      const context: ConfirmContext = {
        tx,
        domain,
        actor,
        boardId: input.boardId,
        source: { id: candidate.sourceId, reliability: candidate.source.reliability },
        infoCredibility: input.infoCredibility,
      };
      fact = await confirmFact(context, input.as);
      const evidence = await writeEvidence(tx, {
        boardId: input.boardId,
        actor,
        candidate,
        span,
        fact,
        evidenceId: input.evidenceId,
      });
      const row = await tx.candidate.update({
        where: { id: candidate.id },
        data: {
          status: "confirmed",
          decidedById: actor.id,
          decidedAt: new Date(),
          evidenceAnnotationId: input.evidenceId,
          ...fact.outcome,
        },
        include: CANDIDATE_INCLUDE,
      });
      confirmed = toWireCandidate(row);
      return [...fact.changes, ...evidence, { type: "candidate.confirmed", entityId: candidate.id, data: confirmed }];
    },
  });
  if (replayed) return replayed;
  fact?.afterCommit?.();
  const last = ops.at(-1);
  if (!confirmed || !last) throw new Error("A confirm logged no candidate.confirmed op");
  return { candidate: confirmed, seq: last.seq };
}

/** Refuses what cannot be confirmed (as this); answers the candidate's span in the current version. */
function confirmable(candidate: LockedCandidate, as: "event" | "observation"): { start: number; end: number } {
  const becomes = BECOMES[candidate.kind];
  if (becomes === null)
    throw new AppError("VALIDATION", "A name is not confirmed on its own: names only suggest places and actors", [
      { path: ["candidateId"], message: "a name candidate" },
    ]);
  if (becomes !== as)
    throw new AppError("VALIDATION", `A ${candidate.kind} candidate becomes an ${becomes}`, [
      { path: ["as", "type"], message: `a ${candidate.kind} becomes an ${becomes}` },
    ]);
  if (standsConfirmed(candidate))
    throw new AppError("CONFLICT", `${decider(candidate)} already confirmed this candidate`);
  if (candidate.status === "rejected") throw new AppError("CONFLICT", `${decider(candidate)} rejected this candidate`);
  const { anchorStart, anchorEnd, anchorVersion } = candidate;
  if (anchorStart === null || anchorEnd === null || anchorVersion !== candidate.source.currentVersion)
    throw new AppError("CONFLICT", `This candidate lost its passage in version ${anchorVersion}`);
  return { start: anchorStart, end: anchorEnd };
}

/**
 * The evidence: a passage note on the candidate's place in the current version, by the confirming analyst,
 * through the one annotation writer, linked to the fact it is evidence for. Answers its annotation.created.
 */
async function writeEvidence(
  tx: TransactionClient,
  options: {
    boardId: string;
    actor: Actor;
    candidate: LockedCandidate;
    span: { start: number; end: number };
    fact: ConfirmedFact;
    evidenceId: string;
  },
): Promise<BoardChange[]> {
  const { boardId, actor, candidate, span, fact, evidenceId } = options;
  if (await tx.annotation.count({ where: { id: evidenceId } }))
    throw new AppError("CONFLICT", "Something with this id already exists");
  const version = candidate.source.currentVersion;
  const { text } = await tx.sourceVersion.findUniqueOrThrow({
    where: { sourceId_version: { sourceId: candidate.sourceId, version } },
    select: { text: true },
  });
  const target = {
    type: "source-span",
    sourceId: candidate.sourceId,
    version,
    ...span,
    exact: text.slice(span.start, span.end),
  } as const;
  const passage = passageFacts(target, {
    text: (_sourceId, wanted) => (wanted === version ? text : undefined),
    currentVersion: () => version,
  });
  const note = newAnnotation({
    create: { id: evidenceId, boardId, target, body: fact.evidenceBody, kind: "note", tags: [] },
    author: { id: actor.id, name: actor.name },
    mentioned: [],
    createdAt: new Date(),
    passage,
    evidenceFor: fact.evidenceFor,
  });
  return insertAnnotations(tx, boardId, [note]);
}

/** A replayed confirm's answer: the candidate as stored and the seq of the op that confirmed it. */
async function storedAnswer(
  tx: TransactionClient,
  boardId: string,
  candidate: LockedCandidate,
): Promise<CandidateConfirmAnswer> {
  const op = await tx.op.findFirst({
    where: { boardId, entityId: candidate.id, type: "candidate.confirmed" },
    orderBy: { seq: "desc" },
    select: { seq: true },
  });
  return { candidate: toWireCandidate(candidate), seq: op?.seq ?? 0 };
}
