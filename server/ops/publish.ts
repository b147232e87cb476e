// How a service hands a committed op to the live path (the board's Socket.IO room).
import type { WireOp } from "@/lib/ops";

export type PublishOp = (op: WireOp) => void;
