// The re-anchoring function revisions hand around: apart from save-source-version.ts so that the
// candidates' re-anchoring can take it without an import circle.
import type { QuoteSelector } from "@/lib/anchoring";

/** How the new text is searched: the worker pool on the server, the task's own function in the seed. */
export type AnchorPassages = (input: {
  text: string;
  selectors: QuoteSelector[];
}) => Promise<({ start: number; end: number } | null)[]> | ({ start: number; end: number } | null)[];
