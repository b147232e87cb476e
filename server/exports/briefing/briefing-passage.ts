// What a briefing prints of a passage note's passage (issue 14): the quote, shortened when long so a
// note is not buried under its passage, and whether the passage is lost in the current version.
import type { WireAnnotation } from "@/lib/schemas/annotation";

export type BriefingPassage = { quote: string; lostInVersion: number | null };

/** About four printed lines at the note's width: enough to recognise a passage, short of a page. */
export const BRIEFING_QUOTE_LIMIT = 300;

export function briefingPassage(annotation: WireAnnotation): BriefingPassage | null {
  if (annotation.target.type !== "source-span") return null;
  const anchor = annotation.anchor;
  return {
    quote: shortenQuote(annotation.target.exact, BRIEFING_QUOTE_LIMIT),
    lostInVersion: anchor?.status === "orphaned" ? anchor.version : null,
  };
}

/**
 * The quote on one line (a passage may span paragraphs), at most `limit` characters with the ellipsis:
 * cut after the last whole word, or mid-word when a single word fills most of it, never inside a
 * surrogate pair.
 */
export function shortenQuote(exact: string, limit: number): string {
  const flat = exact.replace(/\s+/g, " ").trim();
  if (flat.length <= limit) return flat;
  const room = limit - 1;
  let cut = flat.slice(0, room + 1).lastIndexOf(" ");
  if (cut < room / 2) cut = /[\uD800-\uDBFF]/.test(flat.charAt(room - 1)) ? room - 1 : room;
  return `${flat
    .slice(0, cut)
    .replace(/[\s,;:–—-]+$/, "")
    .trimEnd()}…`;
}
