// The live path of committed changes: ops go to the board's room; analysts who lose access are told
// and taken out of the room on every node (RemoteSocket operations go through the adapter).
import type { BoardEffects } from "../ops/board-effects";
import { boardRoom, userRoom } from "./rooms";
import type { WatchfloorServer } from "./types";

export function createBoardEffects(io: WatchfloorServer): BoardEffects {
  return {
    publish: (op) => io.to(boardRoom(op.boardId)).emit("board:op", op),
    alert: (warning) => io.to(boardRoom(warning.boardId)).emit("warning:raised", warning),
    evict: async (boardId, userId, reason) => {
      const room = boardRoom(boardId);
      const sockets = await io.in(room).fetchSockets();
      for (const socket of sockets) {
        if (userId !== null && socket.data.actor.id !== userId) continue;
        socket.leave(room);
        socket.emit("board:left", { boardId, reason });
      }
    },
    seen: (userId, state) => io.to(userRoom(userId)).emit("seen:state", state),
  };
}
