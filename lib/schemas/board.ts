// Boards on the wire: join payload, snapshot, and the pieces a snapshot holds.
import { z } from "zod";
import type { WireAnnotation } from "./annotation";
import { ZSeq, ZUuid } from "./common";

export const BOARD_ROLES = ["owner", "editor", "commenter", "viewer"] as const;
export type BoardRole = (typeof BOARD_ROLES)[number];

export const ZBoardJoin = z.strictObject({ boardId: ZUuid, sinceSeq: ZSeq.optional() });
export type TBoardJoin = z.infer<typeof ZBoardJoin>;

export const ZBoardLeave = z.strictObject({ boardId: ZUuid });
export type TBoardLeave = z.infer<typeof ZBoardLeave>;

export type BoardSummary = { id: string; slug: string; title: string; description: string; role: BoardRole };

export type WireSource = {
  id: string;
  title: string;
  publisher: string;
  publishedAt: string | null;
  reliability: string | null;
};

export type WireEvent = {
  id: string;
  title: string;
  occurredAt: string;
  endsAt: string | null;
  category: "military" | "diplomatic" | "economic" | "political" | "humanitarian";
  place: string | null;
  description: string;
  sourceIds: string[];
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

export type BoardSnapshot = {
  board: { id: string; slug: string; title: string; description: string };
  events: WireEvent[];
  indicators: WireIndicator[];
  sources: WireSource[];
  annotations: WireAnnotation[];
  members: WireMember[];
};
