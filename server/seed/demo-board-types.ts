// Shape of the demo board's content. The data lives in demo-board-data.ts; seed-demo-board.ts writes it.
// Times are ISO 8601 strings in UTC; keys tie annotations and observations to their targets.
import type { WirePlace } from "@/lib/schemas/place";

export type DemoSource = {
  key: string;
  title: string;
  publisher: string;
  publishedAt: string;
  url?: string;
  /** Version 1 of the source's document ("" for none). */
  text: string;
  /** Later versions, in order: each is saved and its passage notes re-anchored as source:revise does. */
  revisions?: DemoRevision[];
  reliability: "A" | "B" | "C" | "D" | "E" | "F";
};

export type DemoRevision = { authorEmail: string; createdAt: string; text: string };

export type DemoEvent = {
  key: string;
  title: string;
  occurredAt: string;
  endsAt?: string;
  category: "military" | "diplomatic" | "economic" | "political" | "humanitarian";
  /** Located as migration 20261206160000_places locates the same labels on boards seeded before it. */
  place: WirePlace;
  description: string;
  sourceKeys: string[];
  /** The Admiralty grade of what the event rests on (issue 15); ungraded when left out. */
  sourceReliability?: "A" | "B" | "C" | "D" | "E" | "F";
  infoCredibility?: 1 | 2 | 3 | 4 | 5 | 6;
};

export type DemoObservation = {
  key?: string;
  observedAt: string;
  value: number;
  sourceKey?: string;
  sourceReliability: "A" | "B" | "C" | "D" | "E" | "F";
  infoCredibility: 1 | 2 | 3 | 4 | 5 | 6;
  note?: string;
};

export type DemoIndicator = {
  key: string;
  name: string;
  unit: string;
  description: string;
  kind: "count" | "level" | "boolean";
  warnAbove?: number;
  warnBelow?: number;
  color: string;
  observations: DemoObservation[];
};

export type DemoAnalyst = {
  email: string;
  name: string;
  role: "owner" | "editor" | "commenter" | "viewer";
};

export type DemoAnnotationTarget =
  | { type: "board" }
  | { type: "event"; eventKey: string }
  | { type: "indicator"; indicatorKey: string; at: string }
  | { type: "indicator-range"; indicatorKey: string; from: string; to: string }
  | { type: "observation"; observationKey: string }
  /** A passage of a source's document: `exact` must occur once in that version, which gives its offsets. */
  | { type: "source-span"; sourceKey: string; version: number; exact: string };

export type DemoAnnotation = {
  authorEmail: string;
  createdAt: string;
  target: DemoAnnotationTarget;
  kind: "note" | "assessment" | "question" | "warning";
  confidence?: "low" | "moderate" | "high";
  body: string;
  tags: string[];
};

export type DemoBoardData = {
  slug: string;
  title: string;
  description: string;
  analysts: DemoAnalyst[];
  sources: DemoSource[];
  events: DemoEvent[];
  indicators: DemoIndicator[];
  annotations: DemoAnnotation[];
};
