// What changed between two versions of a document, as runs of same, added and removed text: run in the
// worker pool (task "diff-versions"), since a diff of two long texts can take a while. Words first
// (readable), lines when that takes too long, and two whole parts if even that does not finish.
import { diffLines, diffWordsWithSpace } from "diff";
import type { WireDiffPart } from "@/lib/schemas/document";

const WORD_DIFF_TIMEOUT_MS = 5_000;
const LINE_DIFF_TIMEOUT_MS = 5_000;

type Change = { value: string; added: boolean; removed: boolean };

export function diffVersionsTask(input: { from: string; to: string }): WireDiffPart[] {
  const changes: Change[] = diffWordsWithSpace(input.from, input.to, { timeout: WORD_DIFF_TIMEOUT_MS }) ??
    diffLines(input.from, input.to, { timeout: LINE_DIFF_TIMEOUT_MS }) ?? [
      { value: input.from, added: false, removed: true },
      { value: input.to, added: true, removed: false },
    ];
  return changes
    .filter((change) => change.value !== "")
    .map((change) => ({ kind: change.added ? "added" : change.removed ? "removed" : "same", text: change.value }));
}
