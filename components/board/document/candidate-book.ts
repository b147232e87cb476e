// The candidates of the source open in the document pane, as loaded (source:candidates) and kept live by
// the op log: candidate.proposed / confirmed / rejected bring candidates, and source.revised moves their
// anchors into the new version. Ops are taken in seq order from the one after the load; a missing seq
// means some were not heard (the board took a fresh snapshot, say) and the caller loads again.
import type { WireOp } from "@/lib/ops";
import type { SourceCandidatesAnswer, WireCandidate } from "@/lib/schemas/candidate";

export type CandidateBook = {
  /** The board seq the candidates are up to date with. */
  seq: number;
  /** In the order they sit in the source's current version; those that lost their passage last. */
  candidates: readonly WireCandidate[];
};

export function bookOf(answer: Pick<SourceCandidatesAnswer, "candidates" | "seq">): CandidateBook {
  return { seq: answer.seq, candidates: inTextOrder(answer.candidates) };
}

/** Adds or replaces candidates by id (an ack's candidate, or an op's); the seq is left as it is. */
export function withCandidates(book: CandidateBook, changed: readonly WireCandidate[]): CandidateBook {
  if (!changed.length) return book;
  const byId = new Map(book.candidates.map((candidate) => [candidate.id, candidate]));
  for (const candidate of changed) byId.set(candidate.id, candidate);
  return { ...book, candidates: inTextOrder([...byId.values()]) };
}

/**
 * Applies the ops after the book's seq, in order, for the source `sourceId`. `gap`: an op between was not
 * among them, so the book stops there and must be loaded again.
 */
export function applyCandidateOps(
  book: CandidateBook,
  sourceId: string,
  ops: readonly WireOp[],
): { book: CandidateBook; gap: boolean } {
  let current = book;
  for (const op of [...ops].sort((a, b) => a.seq - b.seq)) {
    if (op.seq <= current.seq) continue;
    if (op.seq !== current.seq + 1) return { book: current, gap: true };
    // Too many to travel in the op (lib/ops.ts): they are loaded like a gap.
    if (op.type === "candidate.proposed" && op.data.sourceId === sourceId && !op.data.candidates)
      return { book: current, gap: true };
    current = { ...applyOne(current, sourceId, op), seq: op.seq };
  }
  return { book: current, gap: false };
}

function applyOne(book: CandidateBook, sourceId: string, op: WireOp): CandidateBook {
  switch (op.type) {
    case "candidate.proposed":
      return op.data.sourceId === sourceId ? withCandidates(book, op.data.candidates ?? []) : book;
    case "candidate.confirmed":
    case "candidate.rejected":
      return op.data.sourceId === sourceId ? withCandidates(book, [op.data]) : book;
    case "source.revised": {
      if (op.data.source.id !== sourceId) return book;
      const version = op.data.version;
      const moved = new Map(op.data.candidates.map((anchor) => [anchor.candidateId, anchor]));
      const candidates = book.candidates.map((candidate) => {
        const place = moved.get(candidate.id);
        if (!place) return candidate;
        const anchor =
          place.status === "anchored"
            ? { status: "anchored" as const, version, start: place.start, end: place.end }
            : { status: "orphaned" as const, version };
        return { ...candidate, anchor };
      });
      return { ...book, candidates: inTextOrder(candidates) };
    }
    default:
      return book;
  }
}

function inTextOrder(candidates: readonly WireCandidate[]): WireCandidate[] {
  const at = (candidate: WireCandidate) =>
    candidate.anchor.status === "anchored" ? candidate.anchor.start : Number.MAX_SAFE_INTEGER;
  return [...candidates].sort((a, b) => at(a) - at(b) || a.start - b.start || (a.id < b.id ? -1 : 1));
}
