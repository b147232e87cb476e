// Finds the dates, figures and names in a document version's text (issue 15): what source:extract
// proposes. Runs in the worker pool (task `extract-candidates`); pure, no I/O.
import type { ExtractedCandidate } from "@/lib/schemas/candidate";

export type ExtractCandidatesInput = {
  text: string;
  /** The document's publication date (YYYY-MM-DD, UTC): relative dates are resolved against it. */
  publishedAt: string;
};

/** Every candidate in the text, in text order (ties: date, figure, name). */
export function extractCandidates(_input: ExtractCandidatesInput): ExtractedCandidate[] {
  return []; // placeholder until the extraction engine lands (issue 15, helper "engine")
}
