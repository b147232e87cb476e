// Socket.IO on the app's HTTP server: session-cookie handshake, then thin handlers over domain services.
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { ZBoardLeave } from "@/lib/schemas/board";
import { createAnnotation } from "../annotations/create-annotation";
import type { Auth } from "../auth/create-auth";
import { getActor } from "../auth/get-actor";
import { joinBoard } from "../boards/join-board";
import type { Database } from "../db/client";
import { parseInput } from "../errors";
import type { Logger } from "../logger";
import type { PublishOp } from "../ops/publish";
import { onRequest } from "./on-request";
import { broadcastPresence } from "./presence";
import { boardIdOfRoom, boardRoom } from "./rooms";
import type { WatchfloorServer } from "./types";

/** Socket messages above this size are refused by the transport (DESIGN: 256 KiB). */
export const MAX_SOCKET_MESSAGE_BYTES = 256 * 1024;

export function createSocketServer(options: {
  httpServer: HttpServer;
  db: Database;
  auth: () => Auth;
  logger: Logger;
  catchUpMaxOps: number;
}): { io: WatchfloorServer; publish: PublishOp } {
  const { db, logger } = options;
  const io: WatchfloorServer = new Server(options.httpServer, {
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    serveClient: false,
    // Other upgrade requests (Next's dev reloader) are left to the HTTP server's other listeners.
    destroyUpgrade: false,
  });
  const publish: PublishOp = (op) => io.to(boardRoom(op.boardId)).emit("board:op", op);
  const announcePresence = (boardId: string) =>
    broadcastPresence(io, boardId).catch((error: unknown) =>
      logger.warn({ err: error, boardId }, "presence update failed"),
    );

  io.use(async (socket, next) => {
    try {
      const actor = await getActor(options.auth(), socket.request.headers);
      if (!actor) return next(new Error("UNAUTHENTICATED"));
      socket.data.actor = actor;
      next();
    } catch (error) {
      logger.error({ err: error }, "socket handshake failed");
      next(new Error("INTERNAL"));
    }
  });

  io.on("connection", (socket) => {
    const actor = socket.data.actor;
    const log = logger.child({ socketId: socket.id, userId: actor.id });

    onRequest(socket, "board:join", log, async (payload) => {
      const result = await joinBoard({
        db,
        actor,
        input: payload,
        catchUpMaxOps: options.catchUpMaxOps,
        onAuthorized: (boardId) => socket.join(boardRoom(boardId)),
      });
      void announcePresence(result.boardId);
      return result;
    });

    onRequest(socket, "board:leave", log, async (payload) => {
      const { boardId } = parseInput(ZBoardLeave, payload);
      await socket.leave(boardRoom(boardId));
      void announcePresence(boardId);
      return { boardId };
    });

    onRequest(socket, "annotation:create", log, async (payload) => {
      const { annotation, seq } = await createAnnotation({ db, actor, input: payload, publish });
      return { annotation, seq };
    });

    socket.on("disconnecting", () => {
      const boards = [...socket.rooms].map(boardIdOfRoom).filter((id): id is string => id !== null);
      // After the socket has left its rooms, tell those boards who is still there.
      socket.once("disconnect", () => {
        for (const boardId of boards) void announcePresence(boardId);
      });
    });
  });

  return { io, publish };
}
