// candidate:reject — an analyst turns a proposed candidate down (issue 15): it stays rejected for its
// version (extracting again does not propose it again). Rejecting a rejected one answers it as it is;
// a confirmed one is not rejected (its event or observation is deleted on its own, if wrong; once that is
// deleted, the candidate may be decided again).
import { type CandidateRejectAnswer, type WireCandidate, ZCandidateReject } from "@/lib/schemas/candidate";
import type { Actor } from "../actor";
import type { BaseDomain } from "../base-domain";
import { AppError, parseInput } from "../errors";
import { type BoardChange, commitBoardChange } from "../ops/commit-board-change";
import { decider, lockCandidate, standsConfirmed } from "./lock-candidate";
import { CANDIDATE_INCLUDE, toWireCandidate } from "./to-wire-candidate";
import { WAITS_FOR_REVISION } from "./waits-for-revision";

export async function rejectCandidate(options: {
  domain: BaseDomain;
  actor: Actor;
  input: unknown;
}): Promise<CandidateRejectAnswer> {
  const { domain, actor } = options;
  const input = parseInput(ZCandidateReject, options.input);
  let already = null as CandidateRejectAnswer | null;
  const ops = await commitBoardChange({
    domain,
    actor,
    boardId: input.boardId,
    authority: { action: "content.write" },
    transaction: WAITS_FOR_REVISION,
    change: async (tx): Promise<BoardChange[]> => {
      const candidate = await lockCandidate(tx, input.boardId, input.candidateId);
      if (standsConfirmed(candidate))
        throw new AppError("CONFLICT", `${decider(candidate)} confirmed this candidate: delete what it became instead`);
      if (candidate.status === "rejected") {
        const op = await tx.op.findFirst({
          where: { boardId: input.boardId, entityId: candidate.id, type: "candidate.rejected" },
          orderBy: { seq: "desc" },
          select: { seq: true },
        });
        already = { candidate: toWireCandidate(candidate), seq: op?.seq ?? 0 };
        return [];
      }
      const row = await tx.candidate.update({
        where: { id: candidate.id },
        data: { status: "rejected", decidedById: actor.id, decidedAt: new Date() },
        include: CANDIDATE_INCLUDE,
      });
      const rejected: WireCandidate = toWireCandidate(row);
      return [{ type: "candidate.rejected", entityId: candidate.id, data: rejected }];
    },
  });
  if (already) return already;
  const [op] = ops;
  if (!op) throw new Error("A reject logged no candidate.rejected op");
  return { candidate: op.data as WireCandidate, seq: op.seq };
}
