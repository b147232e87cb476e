// The rule a passage target (source-span) obeys beyond being on the board: its version exists and its
// `exact` is that version's text at start..end. The server then keeps the quote's context (prefix and
// suffix, as the W3C TextQuoteSelector has them) and where the passage is in the current version.
import { selectorFor } from "@/lib/anchoring";
import type { TAnnotationTarget } from "@/lib/schemas/annotation";
import type { TargetOf } from "@/lib/targets/target-kinds";
import type { Annotation } from "../db/generated/client";
import { AppError } from "../errors";

export type PassageTarget = TargetOf<"source-span">;

/** The stored text of the versions passages name, and each source's current version. */
export type PassageTexts = {
  text: (sourceId: string, version: number) => string | undefined;
  currentVersion: (sourceId: string) => number | undefined;
};

/** The columns a passage fills besides its target's own: its context and its anchor. */
export type PassageFacts = Pick<
  Annotation,
  "quotePrefix" | "quoteSuffix" | "anchorVersion" | "anchorStart" | "anchorEnd"
>;

export const isPassage = (target: TAnnotationTarget): target is PassageTarget => target.type === "source-span";

/** The (source, version) pairs the targets quote, for one read of their texts. */
export function quotedVersions(targets: TAnnotationTarget[]): { sourceId: string; version: number }[] {
  const pairs = new Map<string, { sourceId: string; version: number }>();
  for (const target of targets.filter(isPassage))
    pairs.set(`${target.sourceId}/${target.version}`, { sourceId: target.sourceId, version: target.version });
  return [...pairs.values()];
}

/** Checks the passage against its version's text; answers what the server stores with it, or throws VALIDATION. */
export function passageFacts(target: PassageTarget, texts: PassageTexts): PassageFacts {
  const text = texts.text(target.sourceId, target.version);
  if (text === undefined)
    throw problem(["target", "version"], `This source has no version ${target.version}`, "no such version");
  if (target.end > text.length || text.slice(target.start, target.end) !== target.exact)
    throw problem(
      ["target", "exact"],
      `The quote is not the text at ${target.start}–${target.end} of version ${target.version}`,
      "not the text at start..end of that version",
    );
  const { prefix, suffix } = selectorFor(text, target.start, target.end);
  const current = texts.currentVersion(target.sourceId);
  // A passage chosen in an older version has no anchor in the current one until it is anchored there.
  const anchored = current === target.version;
  return {
    quotePrefix: prefix,
    quoteSuffix: suffix,
    anchorVersion: current ?? target.version,
    anchorStart: anchored ? target.start : null,
    anchorEnd: anchored ? target.end : null,
  };
}

function problem(path: string[], message: string, issue: string): AppError {
  return new AppError("VALIDATION", message, [{ path, message: issue }]);
}
