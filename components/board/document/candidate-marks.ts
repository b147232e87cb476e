// Where the document pane marks candidates: at their anchor in the current version only (an older
// version's text is read as it was), and not those rejected. Confirmed ones keep a mark: their passage is
// also a note's highlight, and the mark says what became of it.
import type { CandidateKind, WireCandidate } from "@/lib/schemas/candidate";

export type CandidateMark = { id: string; start: number; end: number; kind: CandidateKind; selected: boolean };

export function candidateMarks(
  candidates: readonly WireCandidate[],
  shownVersion: number,
  selectedId: string | null,
  shown: (candidate: WireCandidate) => boolean = () => true,
): CandidateMark[] {
  const marks: CandidateMark[] = [];
  for (const candidate of candidates) {
    const { anchor } = candidate;
    if (candidate.status === "rejected" || anchor.status !== "anchored" || anchor.version !== shownVersion) continue;
    if (!shown(candidate)) continue;
    marks.push({
      id: candidate.id,
      start: anchor.start,
      end: anchor.end,
      kind: candidate.kind,
      selected: candidate.id === selectedId,
    });
  }
  return marks;
}
