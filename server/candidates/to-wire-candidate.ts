// Maps a stored candidate row to the shape clients see (lib/schemas/candidate.ts): its kind's own fields
// come from the `meaning` column, its place in the current version from the anchor columns.
import type { CandidateOutcome, ExtractedMeaning, WireCandidate } from "@/lib/schemas/candidate";
import type { WireAnchor } from "@/lib/schemas/passage";
import type { Candidate } from "../db/generated/client";

/** What every candidate read includes, so toWireCandidate has all it needs. */
export const CANDIDATE_INCLUDE = { decidedBy: { select: { id: true, name: true } } } as const;

export type CandidateRow = Candidate & { decidedBy: { id: string; name: string } | null };

export function toWireCandidate(row: CandidateRow): WireCandidate {
  // The column holds what extraction said the span means, without the kind (it is the row's own column).
  const meaning = { ...(row.meaning as object), kind: row.kind } as ExtractedMeaning;
  return {
    ...meaning,
    id: row.id,
    sourceId: row.sourceId,
    version: row.version,
    start: row.start,
    end: row.end,
    exact: row.exact,
    sentence: { start: row.sentenceStart, end: row.sentenceEnd },
    anchor: anchorOf(row),
    status: row.status,
    decidedBy: row.decidedBy ? { id: row.decidedBy.id, name: row.decidedBy.name } : null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    outcome: outcomeOf(row),
  };
}

function anchorOf(row: Candidate): WireAnchor {
  if (row.anchorStart === null || row.anchorEnd === null) return { status: "orphaned", version: row.anchorVersion };
  return { status: "anchored", version: row.anchorVersion, start: row.anchorStart, end: row.anchorEnd };
}

/** What a confirmed candidate became; null while undecided, once rejected, or when what it became was deleted. */
function outcomeOf(row: Candidate): CandidateOutcome | null {
  if (row.status !== "confirmed" || row.evidenceAnnotationId === null) return null;
  const evidenceId = row.evidenceAnnotationId;
  if (row.eventId !== null) return { type: "event", eventId: row.eventId, evidenceId };
  if (row.observationId !== null) return { type: "observation", observationId: row.observationId, evidenceId };
  return null;
}

/** The kind's own fields of an extracted candidate, as the `meaning` column stores them. */
export function meaningOf(candidate: ExtractedMeaning): Record<string, unknown> {
  switch (candidate.kind) {
    case "date":
      return { date: candidate.date, category: candidate.category };
    case "figure":
      return { value: candidate.value, unit: candidate.unit, qualifier: candidate.qualifier };
    case "name":
      return { name: candidate.name, nameType: candidate.nameType };
  }
}
