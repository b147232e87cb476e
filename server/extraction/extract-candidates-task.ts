// The worker pool's `extract-candidates` task (issue 15): the engine on one version's text, off the main
// event loop, so a 200 KiB document does not hold up live fan-out while it is read.
import type { ExtractedCandidate } from "@/lib/schemas/candidate";
import { type ExtractCandidatesInput, extractCandidates } from "./extract-candidates";

export function extractCandidatesTask(input: ExtractCandidatesInput): ExtractedCandidate[] {
  return extractCandidates(input);
}
