// The op log on the wire. Each op type names the data it carries; clients apply ops in seq order.
import type { WireAnnotation } from "./schemas/annotation";
import type { WireBoard, WireMember } from "./schemas/board";

export type OpDataByType = {
  "annotation.created": WireAnnotation;
  "annotation.updated": WireAnnotation;
  "annotation.deleted": { id: string; deletedBy: { id: string; name: string } };
  "annotation.restored": WireAnnotation;
  "annotation.resolved": WireAnnotation;
  "annotation.reopened": WireAnnotation;
  "board.updated": WireBoard;
  "member.added": WireMember;
  "member.updated": WireMember;
  "member.removed": { userId: string };
};

export type OpType = keyof OpDataByType;

export type WireOp<T extends OpType = OpType> = {
  [K in T]: { boardId: string; seq: number; type: K; actorId: string | null; at: string; data: OpDataByType[K] };
}[T];
