// What is left to decide about candidates (issue 15). A candidate whose passage is lost in the current
// version cannot become an event or a figure (the server answers CONFLICT), so no proposal is opened for
// it; it can still be rejected. Names only suggest places, so they are never proposed either. A confirmed
// candidate whose event or observation was deleted since stands for nothing and may be decided again, as
// the server allows (server/candidates/lock-candidate.ts, standsConfirmed).
import type { ContentState } from "@/lib/board-content";
import type { CandidateOutcome, WireCandidate } from "@/lib/schemas/candidate";

/** Whether what a confirmed candidate became is still on the board. */
export type OnBoard = (outcome: CandidateOutcome) => boolean;

export function outcomeOnBoard(board: Pick<ContentState, "events" | "indicators">): OnBoard {
  let observationIds: Set<string> | null = null;
  return (outcome) => {
    if (outcome.type === "event") return board.events.byId.has(outcome.eventId);
    observationIds ??= new Set(board.indicators.list.flatMap(({ observations }) => observations.map(({ id }) => id)));
    return observationIds.has(outcome.observationId);
  };
}

/** Proposed, or confirmed as something deleted since (its outcome is null once the server has forgotten it). */
export function isOpen(candidate: WireCandidate, onBoard: OnBoard): boolean {
  if (candidate.status === "proposed") return true;
  return candidate.status === "confirmed" && (candidate.outcome === null || !onBoard(candidate.outcome));
}

export const canPropose = (candidate: WireCandidate, onBoard: OnBoard) =>
  candidate.kind !== "name" && candidate.anchor.status === "anchored" && isOpen(candidate, onBoard);

/** How many of `ids` (what one extraction found) are still proposed in `candidates`, the live list. */
export function stillToDecide(candidates: readonly WireCandidate[], ids: ReadonlySet<string>): number {
  let open = 0;
  for (const candidate of candidates) if (ids.has(candidate.id) && candidate.status === "proposed") open += 1;
  return open;
}

/**
 * What changed under an open proposal, as soon as an op says so (decided, or its passage lost in a
 * revision), rather than only when Enter is refused; null while nothing did.
 */
export function changedMeanwhile(candidate: WireCandidate, onBoard: OnBoard): string | null {
  if (!isOpen(candidate, onBoard)) {
    const by = candidate.decidedBy?.name ?? "Someone";
    return `${by} ${candidate.status} this candidate meanwhile.`;
  }
  if (candidate.anchor.status === "orphaned") {
    return `Its passage was lost in version ${candidate.anchor.version}: it can no longer be confirmed.`;
  }
  return null;
}
