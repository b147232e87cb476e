// Watchfloor's annotation kinds as W3C motivations (model §3.3.5). A warning has no W3C counterpart:
// it travels as "commenting" (what a consumer without our extension should show), and the exact kind
// always rides along in `watchfloor:kind`.
import type { ANNOTATION_KINDS } from "@/lib/schemas/annotation";
import type { W3cMotivation } from "@/lib/schemas/web-annotation";

type Kind = (typeof ANNOTATION_KINDS)[number];

export const MOTIVATION_OF_KIND = {
  note: "commenting",
  assessment: "assessing",
  question: "questioning",
  warning: "commenting",
} as const satisfies Record<Kind, W3cMotivation>;

const KIND_OF_MOTIVATION: Partial<Record<string, Kind>> = {
  commenting: "note",
  assessing: "assessment",
  questioning: "question",
};

/** The kind that the first recognised motivation or purpose implies; null when none does. */
export function kindOfMotivations(motivations: string[]): Kind | null {
  for (const motivation of motivations) {
    const kind = KIND_OF_MOTIVATION[motivation];
    if (kind) return kind;
  }
  return null;
}
