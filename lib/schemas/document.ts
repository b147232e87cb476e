// Source documents on the wire (issue 14): reading a version, revising, comparing two versions, and where
// each passage annotation sits in the current version. Every position is a UTF-16 code unit index into
// that version's text, end exclusive: `text.slice(start, end) === exact` (docs/realtime.md).
import { z } from "zod";
import type { WireSource } from "./board";
import type { WireCandidateAnchor } from "./candidate";
import { ZDocumentText, ZUuid, ZVersionNumber } from "./common";
import { SPAN_OUT_OF_ORDER, spanInOrder, ZQuote, ZSpan } from "./passage";

export { SPAN_OUT_OF_ORDER, spanInOrder, type WireAnchor, ZQuote, ZSpan } from "./passage";

const ZVersion = ZVersionNumber;
export const ZSourceRead = z.strictObject({
  boardId: ZUuid,
  id: ZUuid,
  /** The current version when left out. */
  version: ZVersion.optional(),
});
export type TSourceReadInput = z.input<typeof ZSourceRead>;

export const ZSourceRevise = z.strictObject({
  boardId: ZUuid,
  id: ZUuid,
  text: ZDocumentText.refine((text) => text.trim() !== "", "a document cannot be empty"),
  /** The version the new text was edited from (0 for a source without a document); a stale one is CONFLICT. */
  basedOnVersion: z.number().int().min(0).max(2_147_483_647),
});
export type TSourceReviseInput = z.input<typeof ZSourceRevise>;

export const ZSourceDiff = z.strictObject({ boardId: ZUuid, id: ZUuid, from: ZVersion, to: ZVersion });
export type TSourceDiffInput = z.input<typeof ZSourceDiff>;

/** Re-attaches a passage annotation (an orphan, or one anchored in the wrong place) in the current version. */
export const ZAnnotationAttach = z
  .strictObject({ boardId: ZUuid, id: ZUuid, ...ZSpan, exact: ZQuote })
  .refine(spanInOrder, SPAN_OUT_OF_ORDER);
export type TAnnotationAttachInput = z.input<typeof ZAnnotationAttach>;

export const DOCUMENT_FORMATS = ["text", "html", "pdf"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** One annotation's new place after a revision (the version is the revision's). */
export type WireReanchor =
  | { annotationId: string; status: "anchored"; start: number; end: number }
  | { annotationId: string; status: "orphaned" };

export type WireSourceVersionInfo = {
  version: number;
  createdAt: string;
  author: { id: string; name: string } | null;
  format: DocumentFormat;
};

export type SourceReadAnswer = {
  version: number;
  text: string;
  /** Where each PDF page starts in `text`; [] for text and HTML. */
  pageStarts: number[];
  format: DocumentFormat;
  /** Every version of the document, oldest first. */
  versions: WireSourceVersionInfo[];
};

export type WireDiffPart = { kind: "same" | "added" | "removed"; text: string };
/** source:revise's answer and the source.revised op's data, with the op's seq. */
export type SourceRevised = {
  source: WireSource;
  version: number;
  anchors: WireReanchor[];
  /** Where each of the source's candidates is in the new version (issue 15). */
  candidates: WireCandidateAnchor[];
};
export type SourceReviseAnswer = SourceRevised & { seq: number };

export type SourceDiffAnswer = { from: number; to: number; parts: WireDiffPart[] };
