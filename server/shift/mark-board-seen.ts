// Moves the analyst's last seen on a board forward (issue 19); never back.
import type { SeenState } from "@/lib/schemas/shift";
import type { Actor } from "../actor";
import type { Domain } from "../domain";

export async function markBoardSeen(_options: { domain: Domain; actor: Actor; input: unknown }): Promise<SeenState> {
  throw new Error("markBoardSeen: not built yet (issue 19, in progress)");
}
