// Socket.IO on the app's HTTP server: own-origin only, the session cookie at the handshake, then thin
// handlers over the domain services.
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { ZBoardLeave } from "@/lib/schemas/board";
import { LIMITS } from "@/lib/schemas/common";
import { createAnnotation } from "../annotations/create-annotation";
import { deleteAnnotation } from "../annotations/delete-annotation";
import { updateAnnotation } from "../annotations/update-annotation";
import type { Auth } from "../auth/create-auth";
import { getSession } from "../auth/get-session";
import { joinBoard } from "../boards/join-board";
import type { Domain } from "../domain";
import { parseInput } from "../errors";
import { isSameOrigin } from "../http/same-origin";
import type { Logger } from "../logger";
import { onRequest } from "./on-request";
import { broadcastPresence } from "./presence";
import { boardIdOfRoom, boardRoom } from "./rooms";
import type { WatchfloorServer } from "./types";

/**
 * The transport's hard cap. Messages between LIMITS.socketMessageBytes and this are answered with
 * PAYLOAD_TOO_LARGE; beyond it the transport closes the connection.
 */
const TRANSPORT_MAX_BYTES = 4 * LIMITS.socketMessageBytes;

export function createSocketServer(options: {
  httpServer: HttpServer;
  logger: Logger;
  publicUrl: string;
}): WatchfloorServer {
  return new Server(options.httpServer, {
    maxHttpBufferSize: TRANSPORT_MAX_BYTES,
    serveClient: false,
    // Other upgrade requests (Next's dev reloader) are left to the HTTP server's other listeners.
    destroyUpgrade: false,
    // Cross-site WebSocket hijacking: a page on another origin cannot open a socket with our cookie.
    allowRequest: (req, callback) => {
      const allowed = isSameOrigin(req, options.publicUrl);
      callback(allowed ? null : "origin not allowed", allowed);
    },
  });
}

export function registerSocketHandlers(options: {
  io: WatchfloorServer;
  domain: Domain;
  auth: Auth;
  logger: Logger;
  catchUpMaxOps: number;
}): void {
  const { io, domain, logger } = options;
  const announcePresence = (boardId: string) =>
    broadcastPresence(io, boardId).catch((error: unknown) =>
      logger.warn({ err: error, boardId }, "presence update failed"),
    );

  io.use(async (socket, next) => {
    try {
      const session = await getSession(options.auth, socket.request.headers);
      if (!session) return next(new Error("UNAUTHENTICATED"));
      socket.data = { actor: session.actor, sessionId: session.sessionId, expiresAt: session.expiresAt.getTime() };
      next();
    } catch (error) {
      logger.error({ err: error }, "socket handshake failed");
      next(new Error("INTERNAL"));
    }
  });

  io.on("connection", (socket) => {
    const { actor } = socket.data;
    const log = logger.child({ socketId: socket.id, userId: actor.id });

    onRequest(socket, "board:join", log, async (payload) => {
      const result = await joinBoard({
        db: domain.db,
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
      const { annotation, seq } = await createAnnotation({ domain, actor, input: payload });
      return { annotation, seq };
    });
    onRequest(socket, "annotation:update", log, (payload) => updateAnnotation({ domain, actor, input: payload }));
    onRequest(socket, "annotation:delete", log, (payload) => deleteAnnotation({ domain, actor, input: payload }));

    socket.on("disconnecting", () => {
      const boards = [...socket.rooms].map(boardIdOfRoom).filter((id): id is string => id !== null);
      // After the socket has left its rooms, tell those boards who is still there.
      socket.once("disconnect", () => {
        for (const boardId of boards) void announcePresence(boardId);
      });
    });
  });
}
