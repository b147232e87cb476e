// After this node could not hear the other nodes (Redis was away, here or there), its clients may have
// missed ops written elsewhere and will not notice until the next op arrives. So each board with sockets
// here is told where it stands (`board:head`); a client behind it joins again with sinceSeq and catches
// up from the op log. Presence is announced again too: while apart, each node showed only its own.
import type { Database } from "../db/client";
import type { Logger } from "../logger";
import { coalesced } from "./coalesced";
import { broadcastPresence } from "./presence";
import { boardIdOfRoom, boardRoom } from "./rooms";
import type { WatchfloorServer } from "./types";

type AnnounceOptions = { io: WatchfloorServer; db: Database; logger: Logger };

/** Requests within this long of an announcement's end are answered by one more, not one each. */
export const ANNOUNCE_QUIET_MS = 1_000;

/**
 * announceBoardHeads on request, coalesced: when Redis comes back under N nodes, each node is asked N
 * times within moments (its own link back, and each other node's "node:rejoined"), and each run reads
 * every board here and broadcasts its presence to every node. One run, and one more for the requests
 * that came meanwhile (a node that rejoined during the first may have written what its read missed).
 */
export function boardHeadAnnouncer(options: AnnounceOptions): () => void {
  return coalesced(() => announceBoardHeads(options), ANNOUNCE_QUIET_MS);
}

async function announceBoardHeads(options: AnnounceOptions): Promise<void> {
  const { io, db, logger } = options;
  const boardIds = [...io.of("/").adapter.rooms.keys()]
    .map(boardIdOfRoom)
    .filter((boardId): boardId is string => boardId !== null);
  if (boardIds.length === 0) return;
  try {
    const boards = await db.board.findMany({ where: { id: { in: boardIds } }, select: { id: true, lastSeq: true } });
    // Local only: every node announces to its own sockets.
    for (const board of boards)
      io.local.to(boardRoom(board.id)).emit("board:head", { boardId: board.id, seq: board.lastSeq });
  } catch (error) {
    logger.warn({ err: error }, "could not tell clients their boards' heads; they catch up with the next op");
  }
  // Not awaited: a fetchSockets that waits for a node that does not answer (up to the adapter's 5 s)
  // must not hold back the next announcement of heads. Coalescing bounds these broadcasts all the same.
  for (const boardId of boardIds) {
    broadcastPresence(io, boardId).catch((error: unknown) =>
      logger.warn({ err: error, boardId }, "presence update failed"),
    );
  }
}
