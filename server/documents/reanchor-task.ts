// Where each passage is in a new version of its document (lib/anchoring's anchorAll): run in the worker
// pool (task "reanchor"), since a thousand passages on a long document is real CPU work.
import { anchorAll, type QuoteSelector, type Span } from "@/lib/anchoring";

export function reanchorTask(input: { text: string; selectors: QuoteSelector[] }): (Span | null)[] {
  return anchorAll(input.text, input.selectors);
}
