// Where the document pane marks candidates: at their anchor in the current version only (an older
// version's text is read as it was), and not those rejected. Confirmed ones keep a mark: their passage is
// also a note's highlight, and the mark says what became of it. The selection is not part of a mark: moving
// it (j/k) must not rebuild thousands of marks and every paragraph's bucket, only redraw two paragraphs.
import type { CandidateKind, WireCandidate } from "@/lib/schemas/candidate";

export type CandidateMark = { id: string; start: number; end: number; kind: CandidateKind; candidate: true };

export function candidateMarks(
  candidates: readonly WireCandidate[],
  shownVersion: number,
  shown: (candidate: WireCandidate) => boolean = () => true,
): CandidateMark[] {
  const marks: CandidateMark[] = [];
  for (const candidate of candidates) {
    const { anchor } = candidate;
    if (candidate.status === "rejected" || anchor.status !== "anchored" || anchor.version !== shownVersion) continue;
    if (!shown(candidate)) continue;
    marks.push({ id: candidate.id, start: anchor.start, end: anchor.end, kind: candidate.kind, candidate: true });
  }
  return marks;
}

/** The selected candidate's id for a paragraph drawing `drawn`, else null: only its paragraph redraws. */
export function selectedIn(drawn: readonly { id: string }[], selectedId: string | null): string | null {
  return selectedId !== null && drawn.some((one) => one.id === selectedId) ? selectedId : null;
}
