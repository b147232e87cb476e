// Boards on the wire: join payload, snapshot, and the pieces a snapshot holds.
import { z } from "zod";
import type { WireAnnotation } from "./annotation";
import { LIMITS, ZSeq, ZText, ZUuid } from "./common";
import type { WirePlace } from "./place";

export const BOARD_ROLES = ["owner", "editor", "commenter", "viewer"] as const;
export type BoardRole = (typeof BOARD_ROLES)[number];

const ZTitle = ZText.trim().min(1, "a title is required").max(LIMITS.title, `at most ${LIMITS.title} characters`);
const ZDescription = ZText.trim().max(LIMITS.description, `at most ${LIMITS.description} characters`);
const ZHandling = ZText.trim().max(LIMITS.handling, `at most ${LIMITS.handling} characters`);

export const ZBoardCreate = z.strictObject({ title: ZTitle, description: ZDescription.default("") });
export type TBoardCreate = z.infer<typeof ZBoardCreate>;

export const ZBoardUpdate = z
  .strictObject({
    title: ZTitle.optional(),
    description: ZDescription.optional(),
    handling: ZHandling.optional(),
    archived: z.boolean().optional(),
  })
  .refine((update) => Object.values(update).some((value) => value !== undefined), { message: "nothing to change" });
export type TBoardUpdate = z.infer<typeof ZBoardUpdate>;

export const ZMemberInvite = z.strictObject({
  email: z
    .email()
    .max(254)
    .transform((email) => email.toLowerCase()),
  role: z.enum(BOARD_ROLES),
});
export type TMemberInvite = z.infer<typeof ZMemberInvite>;

export const ZMemberUpdate = z.strictObject({ role: z.enum(BOARD_ROLES) });
export type TMemberUpdate = z.infer<typeof ZMemberUpdate>;

export const ZBoardJoin = z.strictObject({ boardId: ZUuid, sinceSeq: ZSeq.optional() });
export type TBoardJoin = z.infer<typeof ZBoardJoin>;
export type TBoardJoinInput = z.input<typeof ZBoardJoin>;

export const ZBoardLeave = z.strictObject({ boardId: ZUuid });
export type TBoardLeave = z.infer<typeof ZBoardLeave>;
export type TBoardLeaveInput = z.input<typeof ZBoardLeave>;

export type BoardSummary = {
  id: string;
  slug: string;
  title: string;
  description: string;
  handling: string;
  archived: boolean;
  role: BoardRole;
};

export type WireBoard = {
  id: string;
  slug: string;
  title: string;
  description: string;
  handling: string;
  archived: boolean;
};

export type WireSource = {
  id: string;
  title: string;
  publisher: string;
  publishedAt: string | null;
  reliability: string | null;
  /** The number of its document's latest version; 0 while it holds none (its text is read with source:read). */
  currentVersion: number;
};

export type WireEvent = {
  id: string;
  title: string;
  occurredAt: string;
  endsAt: string | null;
  category: "military" | "diplomatic" | "economic" | "political" | "humanitarian";
  /** Where it happened (issue 16; lib/schemas/place.ts). */
  place: WirePlace | null;
  description: string;
  sourceIds: string[];
  /** Admiralty grade (issue 15): the source's reliability A–F and the information's credibility 1–6. */
  sourceReliability: string | null;
  infoCredibility: number | null;
  /** When it was logged on the board (its event.created op), beside when it happened (issue 19). */
  loggedAt: string;
};

export type WireObservation = {
  id: string;
  indicatorId: string;
  observedAt: string;
  value: number;
  sourceId: string | null;
  sourceReliability: string | null;
  infoCredibility: number | null;
  note: string;
};

export type WireIndicator = {
  id: string;
  name: string;
  unit: string;
  description: string;
  kind: "count" | "level" | "boolean";
  warnAbove: number | null;
  warnBelow: number | null;
  color: string;
  observations: WireObservation[];
};

export type WireMember = { userId: string; name: string; email: string; role: BoardRole };

export type WireInvitation = { email: string; role: BoardRole; createdAt: string };

export type BoardSnapshot = {
  board: WireBoard;
  events: WireEvent[];
  indicators: WireIndicator[];
  sources: WireSource[];
  annotations: WireAnnotation[];
  members: WireMember[];
};
