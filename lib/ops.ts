// The op log on the wire. Each op type names the data it carries; clients apply ops in seq order.
import type { WireAnnotation } from "./schemas/annotation";

export type OpDataByType = {
  "annotation.created": WireAnnotation;
};

export type OpType = keyof OpDataByType;

export type WireOp<T extends OpType = OpType> = {
  [K in T]: { boardId: string; seq: number; type: K; actorId: string | null; at: string; data: OpDataByType[K] };
}[T];
