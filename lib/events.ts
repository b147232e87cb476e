// The Socket.IO event map shared by server and browser (names are the public contract: docs/realtime.md).
import type { Result } from "./errors";
import type { WireOp } from "./ops";
import type {
  TAnnotationCreateInput,
  TAnnotationRefInput,
  TAnnotationUpdateInput,
  WireAnnotation,
  WireRevision,
} from "./schemas/annotation";
import type {
  BoardSnapshot,
  TBoardJoinInput,
  TBoardLeaveInput,
  WireEvent,
  WireIndicator,
  WireObservation,
  WireSource,
} from "./schemas/board";
import type {
  CandidateConfirmAnswer,
  CandidateRejectAnswer,
  SourceCandidatesAnswer,
  SourceExtractAnswer,
  TCandidateConfirmInput,
  TCandidateRejectInput,
  TSourceCandidatesInput,
  TSourceExtractInput,
} from "./schemas/candidate";
import type {
  TContentRefInput,
  TEventCreateInput,
  TEventUpdateInput,
  TIndicatorCreateInput,
  TIndicatorUpdateInput,
  TObservationCreateInput,
  TObservationUpdateInput,
  TSourceCreateInput,
  TSourceUpdateInput,
} from "./schemas/content";
import type {
  SourceDiffAnswer,
  SourceReadAnswer,
  SourceReviseAnswer,
  TAnnotationAttachInput,
  TSourceDiffInput,
  TSourceReadInput,
  TSourceReviseInput,
} from "./schemas/document";
import type { PlaceSearchAnswer, TPlaceSearchInput } from "./schemas/place";
import type { TPresenceUpdateInput } from "./schemas/presence";
import type { BoardSearchResult, TBoardSearchInput } from "./schemas/search";
import type {
  SeenState,
  TBoardSeenInput,
  TViewDeleteInput,
  TViewListInput,
  TViewSaveInput,
  WireSavedView,
} from "./schemas/shift";

export type BoardJoinResult = Result<
  { boardId: string; seq: number; snapshot: BoardSnapshot } | { boardId: string; seq: number; ops: WireOp[] }
>;
export type BoardLeaveResult = Result<{ boardId: string }>;
export type AnnotationCreateResult = Result<{ annotation: WireAnnotation; seq: number }>;
export type AnnotationUpdateResult = Result<{ annotation: WireAnnotation; seq: number }>;
export type AnnotationDeleteResult = Result<{ id: string; seq: number }>;

/** resolve, reopen and restore answer with the annotation as it now is. */
export type AnnotationChangeResult = Result<{ annotation: WireAnnotation; seq: number }>;
export type AnnotationHistoryResult = Result<{ id: string; revisions: WireRevision[] }>;

/** What an analyst is looking at: an event, an indicator or a thread. */
export type PresenceFocus = NonNullable<TPresenceUpdateInput["focus"]>;
export type PresenceUpdateResult = Result<{ boardId: string }>;

export type PresenceMember = {
  userId: string;
  name: string;
  connections: number;
  /** What the analyst's most recently active tab is looking at. */
  focus: PresenceFocus | null;
  /** The thread (annotation id) they are typing a reply in, if any. */
  typingIn: string | null;
};
/** A new figure crossed its indicator's warning threshold (sent live; the warning annotation stays). */
export type WireWarning = {
  boardId: string;
  indicatorId: string;
  indicatorName: string;
  unit: string;
  observation: WireObservation;
  threshold: number;
  direction: "above" | "below";
  sourceTitle: string | null;
  enteredBy: { id: string; name: string };
  annotationId: string;
};

export type ContentDeleteResult = Result<{ id: string; seq: number }>;
export type IndicatorDefinition = Omit<WireIndicator, "observations">;
export type ObservationCreateResult = Result<{
  observation: WireObservation;
  seq: number;
  warning: WireWarning | null;
}>;
export type ObservationVersion = {
  seq: number;
  type: string;
  at: string;
  by: { id: string; name: string } | null;
  observation: WireObservation | null;
};
export type ObservationHistoryResult = Result<{ id: string; versions: ObservationVersion[] }>;

export type PresenceState = { boardId: string; members: PresenceMember[] };

/**
 * Where a board stands: its last op's seq. Sent when this socket may have missed ops (after the nodes
 * could not reach each other); a client whose board is behind joins again with `sinceSeq`.
 */
export type BoardHead = { boardId: string; seq: number };

/** Why the server took this socket out of a board's room. */
export type BoardLeft = { boardId: string; reason: "removed" | "deleted" };
/** Why the server closed this socket: its session is over. */
export type SessionEnded = { reason: "signed-out" | "expired" };

/**
 * Each payload type is what the zod schema the server parses it with accepts (z.input, from
 * lib/schemas/), so the browser cannot be typed to send what the server refuses.
 */
export interface ClientToServerEvents {
  "board:join": (payload: TBoardJoinInput, ack: (result: BoardJoinResult) => void) => void;
  "board:leave": (payload: TBoardLeaveInput, ack: (result: BoardLeaveResult) => void) => void;
  /** The analyst has seen the board up to `seq` (visible tab, or "mark all as read"); never moves back. */
  "board:seen": (payload: TBoardSeenInput, ack: (result: Result<SeenState>) => void) => void;
  /** Saves a named view for everyone on the board (a new id creates, a known id overwrites). */
  "view:save": (payload: TViewSaveInput, ack: (result: Result<{ view: WireSavedView; seq: number }>) => void) => void;
  "view:delete": (payload: TViewDeleteInput, ack: (result: Result<{ id: string; seq: number }>) => void) => void;
  /** The board's views by name, and the board's seq they are up to date with (apply view ops after it). */
  "view:list": (
    payload: TViewListInput,
    ack: (result: Result<{ views: WireSavedView[]; seq: number }>) => void,
  ) => void;
  /** Notes and document passages matching a query, best first (server/search/search-board.ts). */
  "board:search": (payload: TBoardSearchInput, ack: (result: Result<BoardSearchResult>) => void) => void;
  /** Gazetteer suggestions for a place name, offline (issue 16; server/places/search-places.ts). */
  "place:search": (payload: TPlaceSearchInput, ack: (result: Result<PlaceSearchAnswer>) => void) => void;
  "annotation:create": (payload: TAnnotationCreateInput, ack: (result: AnnotationCreateResult) => void) => void;
  "annotation:update": (payload: TAnnotationUpdateInput, ack: (result: AnnotationUpdateResult) => void) => void;
  "annotation:delete": (payload: TAnnotationRefInput, ack: (result: AnnotationDeleteResult) => void) => void;
  "annotation:restore": (payload: TAnnotationRefInput, ack: (result: AnnotationChangeResult) => void) => void;
  "annotation:resolve": (payload: TAnnotationRefInput, ack: (result: AnnotationChangeResult) => void) => void;
  "annotation:reopen": (payload: TAnnotationRefInput, ack: (result: AnnotationChangeResult) => void) => void;
  "annotation:history": (payload: TAnnotationRefInput, ack: (result: AnnotationHistoryResult) => void) => void;
  "presence:update": (payload: TPresenceUpdateInput, ack: (result: PresenceUpdateResult) => void) => void;
  "event:create": (
    payload: TEventCreateInput,
    ack: (result: Result<{ event: WireEvent; seq: number }>) => void,
  ) => void;
  "event:update": (
    payload: TEventUpdateInput,
    ack: (result: Result<{ event: WireEvent; seq: number }>) => void,
  ) => void;
  "event:delete": (payload: TContentRefInput, ack: (result: ContentDeleteResult) => void) => void;
  "source:create": (
    payload: TSourceCreateInput,
    ack: (result: Result<{ source: WireSource; seq: number }>) => void,
  ) => void;
  "source:update": (
    payload: TSourceUpdateInput,
    ack: (result: Result<{ source: WireSource; seq: number }>) => void,
  ) => void;
  "source:delete": (payload: TContentRefInput, ack: (result: ContentDeleteResult) => void) => void;
  /** A version of the source's document (issue 14); the current one when `version` is left out. */
  "source:read": (payload: TSourceReadInput, ack: (result: Result<SourceReadAnswer>) => void) => void;
  /** Saves new text as the next version and re-anchors every passage annotation on the source. */
  "source:revise": (payload: TSourceReviseInput, ack: (result: Result<SourceReviseAnswer>) => void) => void;
  /** What changed between two versions. */
  "source:diff": (payload: TSourceDiffInput, ack: (result: Result<SourceDiffAnswer>) => void) => void;
  /** Puts a passage annotation on a span of its source's current version (an orphan's "attach here"). */
  "annotation:attach": (payload: TAnnotationAttachInput, ack: (result: AnnotationChangeResult) => void) => void;
  /** Proposes dates, figures and names found in a version of the document (issue 15); nothing twice. */
  "source:extract": (payload: TSourceExtractInput, ack: (result: Result<SourceExtractAnswer>) => void) => void;
  /** The source's candidates as they stand in its current version. */
  "source:candidates": (payload: TSourceCandidatesInput, ack: (result: Result<SourceCandidatesAnswer>) => void) => void;
  /** Makes a candidate an event or an observation, with its passage as evidence, in one change. */
  "candidate:confirm": (payload: TCandidateConfirmInput, ack: (result: Result<CandidateConfirmAnswer>) => void) => void;
  "candidate:reject": (payload: TCandidateRejectInput, ack: (result: Result<CandidateRejectAnswer>) => void) => void;
  "indicator:create": (
    payload: TIndicatorCreateInput,
    ack: (result: Result<{ indicator: IndicatorDefinition; seq: number }>) => void,
  ) => void;
  "indicator:update": (
    payload: TIndicatorUpdateInput,
    ack: (result: Result<{ indicator: IndicatorDefinition; seq: number }>) => void,
  ) => void;
  "indicator:delete": (payload: TContentRefInput, ack: (result: ContentDeleteResult) => void) => void;
  "observation:create": (payload: TObservationCreateInput, ack: (result: ObservationCreateResult) => void) => void;
  "observation:update": (
    payload: TObservationUpdateInput,
    ack: (result: Result<{ observation: WireObservation; seq: number }>) => void,
  ) => void;
  "observation:delete": (payload: TContentRefInput, ack: (result: ContentDeleteResult) => void) => void;
  "observation:history": (payload: TContentRefInput, ack: (result: ObservationHistoryResult) => void) => void;
}

/** What the ack of a client-to-server event carries. */
export type AckOf<E extends keyof ClientToServerEvents> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

/**
 * What a server handler for `E` answers: the success side of its ack without `ok` (the edge adds it).
 * Taken member by member, so an ack whose success is a union (board:join) keeps each shape.
 */
export type AckValue<E extends keyof ClientToServerEvents> = SuccessOf<AckOf<E>>;
type SuccessOf<R> = R extends { ok: true } ? Omit<R, "ok"> : never;

export interface ServerToClientEvents {
  "board:op": (op: WireOp) => void;
  "board:head": (head: BoardHead) => void;
  "presence:state": (state: PresenceState) => void;
  "board:left": (notice: BoardLeft) => void;
  "session:ended": (notice: SessionEnded) => void;
  "warning:raised": (warning: WireWarning) => void;
  /** The analyst's last seen moved (on this device or another): issue 19. */
  "seen:state": (state: SeenState) => void;
}
