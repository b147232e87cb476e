// The shift handover on the wire (issue 19): what an analyst has seen, what changed since, the board as
// it stood at an instant, the inbox across boards, and saved views. docs/http-api.md, docs/realtime.md.
import { z } from "zod";
import type { BoardSnapshot } from "./board";
import { ZInstant, ZSeq, ZText, ZUuid } from "./common";

/** Refuses an instant in the future: nothing is known of the board after now. */
const ZPastInstant = ZInstant.refine((iso) => Date.parse(iso) <= Date.now(), { message: "in the future" });

/**
 * `since` as the query gives it: an op seq (digits) or an ISO 8601 instant. Left out, the caller's last
 * seen seq is meant. A seq past the board's last is not refused: nothing is after it.
 */
export const ZSince = z.union([
  z
    .string()
    .regex(/^\d{1,10}$/, "an op seq or an ISO 8601 instant")
    .transform((digits) => ({ seq: Number(digits) }))
    .pipe(z.object({ seq: ZSeq.max(2_147_483_647) })),
  ZPastInstant.transform((iso) => ({ instant: iso })),
]);
export type TSince = z.infer<typeof ZSince>;

export const ZChangesQuery = z.object({ since: ZSince.optional() });
export type TChangesQuery = z.infer<typeof ZChangesQuery>;

/** What the handover counts: see docs/http-api.md for each rule. */
export type ChangeCounts = {
  /** Events created in the window by others. */
  events: number;
  /** Figures created in the window by others (an import counts its rows). */
  observations: number;
  /** New top-level notes by others. */
  annotations: number;
  /** New replies by others. */
  replies: number;
  /** Changes by others to things that existed before the window. */
  edits: number;
  /** Deletions by others of things that existed before the window. */
  deletions: number;
};

export type WarningCrossed = {
  indicatorId: string;
  observationId: string;
  value: number;
  threshold: number;
  direction: "above" | "below";
};

export type ThreadNews = { rootId: string; newReplies: number; mentionsYou: boolean };

/** One line of the handover: a thing that changed, with what to link to. */
export type ChangeItem = {
  seq: number;
  at: string;
  kind: "event" | "observation" | "annotation" | "reply" | "edit" | "deletion" | "confidence";
  /** The op type it came from ("event.created", "annotation.updated", …). */
  opType: string;
  entityId: string;
  /** What to show: the event's title, the note's first words, the indicator's name and the value. */
  label: string;
  actor: { id: string; name: string } | null;
  /** For notes and replies: the thread's root, to open it. */
  rootId?: string;
  /** For figures: the indicator. */
  indicatorId?: string;
};

export type ChangesSummary = {
  /** The window is the ops with since.seq < seq ≤ until.seq. */
  since: { seq: number; at: string | null };
  until: { seq: number; at: string | null };
  counts: ChangeCounts;
  warningsCrossed: WarningCrossed[];
  threads: ThreadNews[];
  /** Newest first, at most CHANGE_ITEMS_LIMIT. */
  items: ChangeItem[];
  /** More items than the limit were in the window. */
  itemsTruncated: boolean;
};

export const CHANGE_ITEMS_LIMIT = 200;

export const ZSnapshotAsOfQuery = z.object({ asOf: ZPastInstant });
export type TSnapshotAsOfQuery = z.infer<typeof ZSnapshotAsOfQuery>;

/** The board as it stood at `asOf`: `seq` is its last op at or before that instant (0 before any). */
export type SnapshotAsOf = { seq: number; asOf: string; snapshot: BoardSnapshot };

/** `board:seen`: the analyst has seen the board up to `seq` (never moves back). */
export const ZBoardSeen = z.strictObject({ boardId: ZUuid, seq: ZSeq.max(2_147_483_647) });
export type TBoardSeen = z.infer<typeof ZBoardSeen>;
export type TBoardSeenInput = z.input<typeof ZBoardSeen>;
/** Sent to every socket of the same analyst on the board when their last seen moves. */
export type SeenState = { boardId: string; seq: number; seenAt: string };

/** One board in the caller's inbox (GET /api/inbox). */
export type InboxBoard = {
  boardId: string;
  slug: string;
  title: string;
  lastSeq: number;
  lastSeenSeq: number;
  /** Threads with replies or new notes by others after the caller's last seen. */
  unreadThreads: number;
  /** Unread mentions of the caller. */
  unreadMentions: number;
};

// ── saved views: a named set of filters, indicators and time range, shared on the board ──

export const SAVED_VIEW_NAME_MAX = 80;

/**
 * A filter's query parameter name: a plain word, so it is never "__proto__" and never holds a character
 * PostgreSQL's jsonb refuses in a key (NUL, a broken surrogate).
 */
const ZFilterParam = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, "a query parameter name");

/** What a view restores; every part optional (a view may fix only the range). */
export const ZSavedViewState = z.strictObject({
  /**
   * The annotation filter as the board page keeps it in the URL (kinds, tags, status, author, text): each
   * parameter with its values, as URLSearchParams.getAll gives them (tags, kinds and authors repeat).
   */
  filters: z.record(ZFilterParam, z.array(ZText.max(400)).max(50)).default({}),
  /** Indicators shown, in order; absent: all. */
  indicatorIds: z.array(ZUuid).max(100).optional(),
  /** The shared time range; absent: the whole board. */
  range: z
    .strictObject({ from: ZInstant, to: ZInstant })
    .refine(({ from, to }) => Date.parse(from) < Date.parse(to), { message: "the range ends before it starts" })
    .optional(),
});
export type TSavedViewState = z.infer<typeof ZSavedViewState>;

export const ZViewSave = z.strictObject({
  /** Client-made: the idempotency key of a new view, or the view to overwrite. */
  id: ZUuid,
  boardId: ZUuid,
  name: ZText.trim().min(1, "a name is required").max(SAVED_VIEW_NAME_MAX),
  state: ZSavedViewState,
});
export type TViewSave = z.infer<typeof ZViewSave>;
export type TViewSaveInput = z.input<typeof ZViewSave>;

export const ZViewDelete = z.strictObject({ id: ZUuid, boardId: ZUuid });
export type TViewDeleteInput = z.input<typeof ZViewDelete>;

export const ZViewList = z.strictObject({ boardId: ZUuid });
export type TViewListInput = z.input<typeof ZViewList>;

export type WireSavedView = {
  id: string;
  boardId: string;
  name: string;
  state: TSavedViewState;
  createdBy: { id: string; name: string } | null;
  updatedAt: string;
};
