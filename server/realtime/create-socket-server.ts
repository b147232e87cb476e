// Socket.IO on the app's HTTP server: own-origin only, the session cookie at the handshake, then thin
// handlers over the domain services.
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { ZBoardLeave } from "@/lib/schemas/board";
import { LIMITS } from "@/lib/schemas/common";
import { ZPresenceUpdate } from "@/lib/schemas/presence";
import { createAnnotation } from "../annotations/create-annotation";
import { deleteAnnotation } from "../annotations/delete-annotation";
import { listAnnotationHistory } from "../annotations/list-annotation-history";
import { restoreAnnotation } from "../annotations/restore-annotation";
import { setThreadResolved } from "../annotations/set-thread-resolved";
import { updateAnnotation } from "../annotations/update-annotation";
import type { Auth } from "../auth/create-auth";
import { getSession } from "../auth/get-session";
import { joinBoard } from "../boards/join-board";
import { createEvent, deleteEvent, updateEvent } from "../content/events";
import { createIndicator, deleteIndicator, updateIndicator } from "../content/indicators";
import {
  createObservation,
  deleteObservation,
  listObservationHistory,
  updateObservation,
} from "../content/observations";
import { createSource, deleteSource, updateSource } from "../content/sources";
import type { Domain } from "../domain";
import { AppError, parseInput } from "../errors";
import { isSameOrigin } from "../http/same-origin";
import type { Logger } from "../logger";
import { onRequest } from "./on-request";
import { broadcastPresence, TYPING_SHOWN_MS } from "./presence";
import { boardIdOfRoom, boardRoom } from "./rooms";
import type { WatchfloorServer } from "./types";

/**
 * The transport's hard cap. Messages between LIMITS.socketMessageBytes and this are answered with
 * PAYLOAD_TOO_LARGE; beyond it the transport closes the connection.
 */
const TRANSPORT_MAX_BYTES = 4 * LIMITS.socketMessageBytes;

const PRESENCE_COALESCE_MS = 100;

export function createSocketServer(options: {
  httpServer: HttpServer;
  logger: Logger;
  publicUrl: string;
}): WatchfloorServer {
  return new Server(options.httpServer, {
    maxHttpBufferSize: TRANSPORT_MAX_BYTES,
    // A tab that vanished without closing (sleep, lost network) drops out of presence within ~13 s.
    pingInterval: 8_000,
    pingTimeout: 5_000,
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
  // Presence changes come in bursts (joins, focus moves, keystrokes): announce each board at most
  // once per PRESENCE_COALESCE_MS, with the state at that moment.
  const pendingAnnouncements = new Map<string, NodeJS.Timeout>();
  const announcePresence = (boardId: string, delayMs = PRESENCE_COALESCE_MS) => {
    if (pendingAnnouncements.has(boardId) && delayMs === PRESENCE_COALESCE_MS) return;
    const timer = setTimeout(() => {
      pendingAnnouncements.delete(boardId);
      broadcastPresence(io, boardId).catch((error: unknown) =>
        logger.warn({ err: error, boardId }, "presence update failed"),
      );
    }, delayMs);
    timer.unref();
    if (delayMs === PRESENCE_COALESCE_MS) pendingAnnouncements.set(boardId, timer);
  };

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
      announcePresence(result.boardId);
      return result;
    });

    onRequest(socket, "board:leave", log, async (payload) => {
      const { boardId } = parseInput(ZBoardLeave, payload);
      await socket.leave(boardRoom(boardId));
      announcePresence(boardId);
      return { boardId };
    });

    onRequest(socket, "annotation:create", log, async (payload) => {
      const { annotation, seq } = await createAnnotation({ domain, actor, input: payload });
      return { annotation, seq };
    });
    onRequest(socket, "annotation:update", log, (payload) => updateAnnotation({ domain, actor, input: payload }));
    onRequest(socket, "annotation:delete", log, (payload) => deleteAnnotation({ domain, actor, input: payload }));
    onRequest(socket, "annotation:restore", log, (payload) => restoreAnnotation({ domain, actor, input: payload }));
    onRequest(socket, "annotation:resolve", log, (payload) =>
      setThreadResolved({ domain, actor, input: payload, resolved: true }),
    );
    onRequest(socket, "annotation:reopen", log, (payload) =>
      setThreadResolved({ domain, actor, input: payload, resolved: false }),
    );
    onRequest(socket, "annotation:history", log, (payload) =>
      listAnnotationHistory({ db: domain.db, actor, input: payload }),
    );

    const content = { domain, actor };
    onRequest(socket, "event:create", log, (payload) => createEvent({ ...content, input: payload }));
    onRequest(socket, "event:update", log, (payload) => updateEvent({ ...content, input: payload }));
    onRequest(socket, "event:delete", log, (payload) => deleteEvent({ ...content, input: payload }));
    onRequest(socket, "source:create", log, (payload) => createSource({ ...content, input: payload }));
    onRequest(socket, "source:update", log, (payload) => updateSource({ ...content, input: payload }));
    onRequest(socket, "source:delete", log, (payload) => deleteSource({ ...content, input: payload }));
    onRequest(socket, "indicator:create", log, (payload) => createIndicator({ ...content, input: payload }));
    onRequest(socket, "indicator:update", log, (payload) => updateIndicator({ ...content, input: payload }));
    onRequest(socket, "indicator:delete", log, (payload) => deleteIndicator({ ...content, input: payload }));
    onRequest(socket, "observation:create", log, (payload) => createObservation({ ...content, input: payload }));
    onRequest(socket, "observation:update", log, (payload) => updateObservation({ ...content, input: payload }));
    onRequest(socket, "observation:delete", log, (payload) => deleteObservation({ ...content, input: payload }));
    onRequest(socket, "observation:history", log, (payload) =>
      listObservationHistory({ db: domain.db, actor, input: payload }),
    );

    onRequest(socket, "presence:update", log, async (payload) => {
      const input = parseInput(ZPresenceUpdate, payload);
      if (!socket.rooms.has(boardRoom(input.boardId))) throw new AppError("NOT_FOUND", "Join the board first");
      socket.data.presence = { ...input, updatedAt: Date.now() };
      announcePresence(input.boardId);
      // Typing that is not refreshed fades: announce again once it has.
      if (input.typingIn) announcePresence(input.boardId, TYPING_SHOWN_MS + 50);
      return { boardId: input.boardId };
    });

    socket.on("disconnecting", () => {
      const boards = [...socket.rooms].map(boardIdOfRoom).filter((id): id is string => id !== null);
      // After the socket has left its rooms, tell those boards who is still there.
      socket.once("disconnect", () => {
        for (const boardId of boards) announcePresence(boardId);
      });
    });
  });
}
