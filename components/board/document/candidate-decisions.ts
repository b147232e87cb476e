// What is left to decide about candidates (issue 15). A candidate whose passage is lost in the current
// version cannot become an event or a figure (the server answers CONFLICT), so no proposal is opened for
// it; it can still be rejected. Names only suggest places, so they are never proposed either.
import type { WireCandidate } from "@/lib/schemas/candidate";

export const canPropose = (candidate: WireCandidate) =>
  candidate.kind !== "name" && candidate.status === "proposed" && candidate.anchor.status === "anchored";

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
export function changedMeanwhile(candidate: WireCandidate): string | null {
  if (candidate.status !== "proposed") {
    const by = candidate.decidedBy?.name ?? "Someone";
    return `${by} ${candidate.status} this candidate meanwhile.`;
  }
  if (candidate.anchor.status === "orphaned") {
    return `Its passage was lost in version ${candidate.anchor.version}: it can no longer be confirmed.`;
  }
  return null;
}
