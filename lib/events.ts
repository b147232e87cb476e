// The Socket.IO event map shared by server and browser (names are the public contract: docs/realtime.md).
import type { Result } from "./errors";
import type { WireOp } from "./ops";
import type {
  TAnnotationCreateInput,
  TAnnotationDelete,
  TAnnotationRef,
  TAnnotationUpdate,
  WireAnnotation,
  WireRevision,
} from "./schemas/annotation";
import type { BoardSnapshot, TBoardJoin, TBoardLeave } from "./schemas/board";

export type BoardJoinResult = Result<{ seq: number; snapshot: BoardSnapshot } | { seq: number; ops: WireOp[] }>;
export type BoardLeaveResult = Result<{ boardId: string }>;
export type AnnotationCreateResult = Result<{ annotation: WireAnnotation; seq: number }>;
export type AnnotationUpdateResult = Result<{ annotation: WireAnnotation; seq: number }>;
export type AnnotationDeleteResult = Result<{ id: string; seq: number }>;

/** resolve, reopen and restore answer with the annotation as it now is. */
export type AnnotationChangeResult = Result<{ annotation: WireAnnotation; seq: number }>;
export type AnnotationHistoryResult = Result<{ id: string; revisions: WireRevision[] }>;

/** What an analyst is looking at: an event, an indicator or a thread. */
export type PresenceFocus = { type: "event" | "indicator" | "thread"; id: string };
export type PresenceUpdate = { boardId: string; focus: PresenceFocus | null; typingIn: string | null };
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
export type PresenceState = { boardId: string; members: PresenceMember[] };

/** Why the server took this socket out of a board's room. */
export type BoardLeft = { boardId: string; reason: "removed" | "deleted" };
/** Why the server closed this socket: its session is over. */
export type SessionEnded = { reason: "signed-out" | "expired" };

export interface ClientToServerEvents {
  "board:join": (payload: TBoardJoin, ack: (result: BoardJoinResult) => void) => void;
  "board:leave": (payload: TBoardLeave, ack: (result: BoardLeaveResult) => void) => void;
  "annotation:create": (payload: TAnnotationCreateInput, ack: (result: AnnotationCreateResult) => void) => void;
  "annotation:update": (payload: TAnnotationUpdate, ack: (result: AnnotationUpdateResult) => void) => void;
  "annotation:delete": (payload: TAnnotationDelete, ack: (result: AnnotationDeleteResult) => void) => void;
  "annotation:restore": (payload: TAnnotationRef, ack: (result: AnnotationChangeResult) => void) => void;
  "annotation:resolve": (payload: TAnnotationRef, ack: (result: AnnotationChangeResult) => void) => void;
  "annotation:reopen": (payload: TAnnotationRef, ack: (result: AnnotationChangeResult) => void) => void;
  "annotation:history": (payload: TAnnotationRef, ack: (result: AnnotationHistoryResult) => void) => void;
  "presence:update": (payload: PresenceUpdate, ack: (result: PresenceUpdateResult) => void) => void;
}

export interface ServerToClientEvents {
  "board:op": (op: WireOp) => void;
  "presence:state": (state: PresenceState) => void;
  "board:left": (notice: BoardLeft) => void;
  "session:ended": (notice: SessionEnded) => void;
}
