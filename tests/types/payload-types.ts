// Compile-time check, run by `tsc --noEmit -p .`: every client event's payload type is exactly what the
// zod schema the server parses it with accepts (issue 13), so a hand-written copy that drifts from its
// schema fails the typecheck. The table is keyed by event, so a new event must name its schema here.
import type { z } from "zod";
import type { ClientToServerEvents } from "@/lib/events";
import type { ZAnnotationCreate, ZAnnotationRef, ZAnnotationUpdate } from "@/lib/schemas/annotation";
import type { ZBoardJoin, ZBoardLeave } from "@/lib/schemas/board";
import type { ZCandidateConfirm, ZCandidateReject, ZSourceCandidates, ZSourceExtract } from "@/lib/schemas/candidate";
import type {
  ZContentRef,
  ZEventCreate,
  ZEventUpdate,
  ZIndicatorCreate,
  ZIndicatorUpdate,
  ZObservationCreate,
  ZObservationUpdate,
  ZSourceCreate,
  ZSourceUpdate,
} from "@/lib/schemas/content";
import type { ZAnnotationAttach, ZSourceDiff, ZSourceRead, ZSourceRevise } from "@/lib/schemas/document";
import type { ZPlaceSearch } from "@/lib/schemas/place";
import type { ZPresenceUpdate } from "@/lib/schemas/presence";
import type { ZBoardSearch } from "@/lib/schemas/search";
import type { ZBoardSeen, ZViewDelete, ZViewList, ZViewSave } from "@/lib/schemas/shift";

type SchemaOf = {
  "board:join": typeof ZBoardJoin;
  "board:leave": typeof ZBoardLeave;
  "board:search": typeof ZBoardSearch;
  "place:search": typeof ZPlaceSearch;
  "board:seen": typeof ZBoardSeen;
  "view:save": typeof ZViewSave;
  "view:delete": typeof ZViewDelete;
  "view:list": typeof ZViewList;
  "annotation:create": typeof ZAnnotationCreate;
  "annotation:update": typeof ZAnnotationUpdate;
  "annotation:delete": typeof ZAnnotationRef;
  "annotation:restore": typeof ZAnnotationRef;
  "annotation:resolve": typeof ZAnnotationRef;
  "annotation:reopen": typeof ZAnnotationRef;
  "annotation:history": typeof ZAnnotationRef;
  "presence:update": typeof ZPresenceUpdate;
  "event:create": typeof ZEventCreate;
  "event:update": typeof ZEventUpdate;
  "event:delete": typeof ZContentRef;
  "source:create": typeof ZSourceCreate;
  "source:update": typeof ZSourceUpdate;
  "source:delete": typeof ZContentRef;
  "source:read": typeof ZSourceRead;
  "source:revise": typeof ZSourceRevise;
  "source:diff": typeof ZSourceDiff;
  "annotation:attach": typeof ZAnnotationAttach;
  "source:extract": typeof ZSourceExtract;
  "source:candidates": typeof ZSourceCandidates;
  "candidate:confirm": typeof ZCandidateConfirm;
  "candidate:reject": typeof ZCandidateReject;
  "indicator:create": typeof ZIndicatorCreate;
  "indicator:update": typeof ZIndicatorUpdate;
  "indicator:delete": typeof ZContentRef;
  "observation:create": typeof ZObservationCreate;
  "observation:update": typeof ZObservationUpdate;
  "observation:delete": typeof ZContentRef;
  "observation:history": typeof ZContentRef;
};

type Payload<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0];

/** True only when A and B are the same type (assignability both ways is not enough for optionals). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

type Mismatched = {
  [E in keyof ClientToServerEvents]: Same<Payload<E>, z.input<SchemaOf[E]>> extends true ? never : E;
}[keyof ClientToServerEvents];

/** Names the events whose payload type is not their schema's input; `never` when there are none. */
export const mismatchedPayloads: [Mismatched] extends [never] ? true : Mismatched = true;
