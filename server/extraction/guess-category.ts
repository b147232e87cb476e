// The event category a date's sentence suggests (issue 15): the first group with a word in the sentence,
// in the order below; political when none has. A guess the analyst edits before saving.
import type { ExtractedDate } from "@/lib/schemas/candidate";

type Category = ExtractedDate["category"];

const CUES: [Category, RegExp][] = [
  ["humanitarian", /\b(?:refugees?|evacuat\w*|aid|civilians?|humanitarian|shelters?|casualties)\b/i],
  ["economic", /\b(?:sanctions?|gas|pipelines?|oil|exports?|imports?|markets?|currency|rouble|ruble|banks?|trade)\b/i],
  [
    "military",
    /\b(?:troops|battalions?|exercises?|drills?|forces|soldiers|tanks|missiles?|deploy\w*|military|artillery|units?|aircraft|servicemen|reservists)\b/i,
  ],
  [
    "diplomatic",
    /\b(?:talks|meet\w*|met|ministers?|council|envoys?|summit|delegations?|diplomat\w*|negotiat\w*|ambassadors?|OSCE)\b/i,
  ],
];

export function guessCategory(sentence: string): Category {
  return CUES.find(([, cue]) => cue.test(sentence))?.[0] ?? "political";
}
