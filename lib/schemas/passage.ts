// A passage of a source's document on the wire (issue 14): its span and quote, and where an annotation on
// it sits in the current version. Positions are UTF-16 code unit indexes, end exclusive. Apart from
// document.ts so annotation.ts can use it without importing board.ts (no import circle).
import { z } from "zod";
import { LIMITS, ZText } from "./common";

const ZPosition = z.number().int().min(0).max(LIMITS.documentText);

/** A passage's quote: the text at start..end of its version, never empty. */
export const ZQuote = ZText.max(LIMITS.passageQuote, `a quote has at most ${LIMITS.passageQuote} characters`).refine(
  (quote) => quote.trim() !== "",
  "the quote is empty",
);

/** A span of one version's text, checked to be in order (its text is checked on the server). */
export const ZSpan = { start: ZPosition, end: ZPosition };
export const spanInOrder = (span: { start: number; end: number }) => span.start < span.end;
export const SPAN_OUT_OF_ORDER = { message: "a passage must end after it starts", path: ["end"] };

/** Where a passage annotation is in its source's current version, or that it was lost there. */
export type WireAnchor =
  | { status: "anchored"; version: number; start: number; end: number }
  | { status: "orphaned"; version: number };

