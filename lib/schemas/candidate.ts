// Candidates on the wire (issue 15): dates, figures and names that extraction proposes from a version of a
// source's document, shared by the board until an analyst confirms one (into an event or an observation,
// keeping its passage as evidence) or rejects it. Positions index the text of `version` exactly as a
// passage annotation's do (UTF-16 code units, end exclusive); `anchor` says where the candidate is in the
// source's current version (docs/realtime.md, "Candidates").
import { z } from "zod";
import { ENDS_BEFORE_START, endsAfterStart, ZEventCreateFields, ZIndicatorCreate, ZObservationCreate } from "./content";
import { ZUuid, ZVersionNumber } from "./common";
import type { WireAnchor } from "./passage";

export const CANDIDATE_KINDS = ["date", "figure", "name"] as const;
export type CandidateKind = (typeof CANDIDATE_KINDS)[number];
export const CANDIDATE_STATUSES = ["proposed", "confirmed", "rejected"] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

export const DATE_PRECISIONS = ["day", "month", "year"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
/** The hedge a figure is given with ("roughly 106,000" → about); null when it is stated flatly. */
export const FIGURE_QUALIFIERS = ["about", "at least", "at most", "more than", "less than", "up to"] as const;
export type FigureQualifier = (typeof FIGURE_QUALIFIERS)[number];
export const NAME_TYPES = ["person", "organisation", "place"] as const;
export type NameType = (typeof NAME_TYPES)[number];

/** `start`/`end` are `YYYY-MM-DD`, `YYYY-MM` or `YYYY` by precision; `end` only for a range. */
export type CandidateDate = { start: string; end?: string; precision: DatePrecision };

/** What extraction finds, kind by kind: the span, the sentence it sits in and what it means. */
export type ExtractedDate = {
  kind: "date";
  date: CandidateDate;
  /** A guess for the event a confirmed date becomes, from the words of its sentence. */
  category: "military" | "diplomatic" | "economic" | "political" | "humanitarian";
};
export type ExtractedFigure = {
  kind: "figure";
  value: number;
  /** What it counts, as the text names it ("personnel", "battalion tactical groups"). */
  unit: string;
  qualifier: FigureQualifier | null;
};
export type ExtractedName = { kind: "name"; name: string; nameType: NameType };
export type ExtractedMeaning = ExtractedDate | ExtractedFigure | ExtractedName;
export type ExtractedCandidate = ExtractedMeaning & {
  start: number;
  end: number;
  exact: string;
  /** The sentence the candidate sits in, same indexing. */
  sentence: { start: number; end: number };
};

/** The most new candidates a candidate.proposed op carries itself (lib/ops.ts); beyond, it carries their count. */
export const CANDIDATES_IN_OP = 200;

/** What a confirmed candidate became. */
export type CandidateOutcome =
  | { type: "event"; eventId: string; evidenceId: string }
  | { type: "observation"; observationId: string; evidenceId: string };

export type WireCandidate = ExtractedCandidate & {
  id: string;
  sourceId: string;
  /** The version it was extracted from: start, end, exact and sentence index its text. */
  version: number;
  /** Where it is in the source's current version (re-anchored on every revision, like a passage note). */
  anchor: WireAnchor;
  status: CandidateStatus;
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  /** Set once confirmed. */
  outcome: CandidateOutcome | null;
};

export const ZSourceExtract = z.strictObject({
  boardId: ZUuid,
  id: ZUuid,
  /** The current version when left out. */
  version: ZVersionNumber.optional(),
});
export type TSourceExtractInput = z.input<typeof ZSourceExtract>;
/** Every candidate of that version (those proposed before and those proposed now), in text order. */
export type SourceExtractAnswer = { version: number; candidates: WireCandidate[]; seq: number };

/** The source's candidates as they stand in its current version (the pane loads them on open). */
export const ZSourceCandidates = z.strictObject({ boardId: ZUuid, id: ZUuid });
export type TSourceCandidatesInput = z.input<typeof ZSourceCandidates>;
export type SourceCandidatesAnswer = { version: number; candidates: WireCandidate[]; seq: number };

/** The event a confirmed date becomes: event:create's fields, sources and grading filled by the server. */
const ZConfirmedEvent = ZEventCreateFields.omit({
  boardId: true,
  sourceIds: true,
  sourceReliability: true,
  infoCredibility: true,
}).refine(endsAfterStart, ENDS_BEFORE_START);
/** The figure a confirmed figure becomes, on an indicator that exists or one created with it. */
const ZConfirmedObservation = ZObservationCreate.omit({
  boardId: true,
  sourceId: true,
  sourceReliability: true,
  infoCredibility: true,
});
const ZNewIndicator = ZIndicatorCreate.omit({ boardId: true });

export const ZCandidateConfirm = z.strictObject({
  boardId: ZUuid,
  candidateId: ZUuid,
  /** Client-generated id of the evidence passage annotation; with the event's or observation's id, the idempotency key. */
  evidenceId: ZUuid,
  /** Admiralty credibility of the information (1–6); the reliability is the source's. */
  infoCredibility: z.number().int().min(1).max(6).nullable(),
  as: z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("event"), event: ZConfirmedEvent }),
    z.strictObject({
      type: z.literal("observation"),
      observation: ZConfirmedObservation,
      /** Created in the same change when the figure goes on a new indicator (its id is observation.indicatorId). */
      newIndicator: ZNewIndicator.optional(),
    }),
  ]),
});
export type TCandidateConfirmInput = z.input<typeof ZCandidateConfirm>;
export type CandidateConfirmAnswer = { candidate: WireCandidate; seq: number };

export const ZCandidateReject = z.strictObject({ boardId: ZUuid, candidateId: ZUuid });
export type TCandidateRejectInput = z.input<typeof ZCandidateReject>;
export type CandidateRejectAnswer = { candidate: WireCandidate; seq: number };

/** One candidate's new place after a revision (the version is the revision's). */
export type WireCandidateAnchor =
  | { candidateId: string; status: "anchored"; start: number; end: number }
  | { candidateId: string; status: "orphaned" };
