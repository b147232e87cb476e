// After this node could not hear the other nodes (Redis was away, here or there), its clients may have
// missed ops written elsewhere and will not notice until the next op arrives. So each board with sockets
// here is told where it stands (`board:head`); a client behind it joins again with sinceSeq and catches
// up from the op log. Presence is announced again too: while apart, each node showed only its own.
import type { Database } from "../db/client";
import type { Logger } from "../logger";
import { broadcastPresence } from "./presence";
import { boardIdOfRoom, boardRoom } from "./rooms";
import type { WatchfloorServer } from "./types";

export async function announceBoardHeads(options: { io: WatchfloorServer; db: Database; logger: Logger }) {
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
  for (const boardId of boardIds) {
    broadcastPresence(io, boardId).catch((error: unknown) =>
      logger.warn({ err: error, boardId }, "presence update failed"),
    );
  }
}
