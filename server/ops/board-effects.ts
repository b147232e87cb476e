// What a committed change does to the live path: publish its op to the board's room, and take analysts
// out of the room when they lose access. Implemented by server/realtime; services only call it.
import type { WireWarning } from "@/lib/events";
import type { WireOp } from "@/lib/ops";
import type { SeenState } from "@/lib/schemas/shift";

export type BoardLeftReason = "removed" | "deleted";

export type BoardEffects = {
  publish: (op: WireOp) => void;
  /** Tells everyone on the board at once that a figure crossed a warning threshold. */
  alert: (warning: WireWarning) => void;
  /** Takes a user's sockets (or everyone's, with null) out of the board's room, telling them why. */
  evict: (boardId: string, userId: string | null, reason: BoardLeftReason) => Promise<void>;
  /** Tells every socket of one analyst, on every node, that their last seen on a board moved (issue 19). */
  seen: (userId: string, state: SeenState) => void;
};
