// Socket.IO on the app's HTTP server: own-origin only, the session cookie at the handshake, then thin
// handlers over the domain services.

import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { ZBoardLeave } from "@/lib/schemas/board";
import { LIMITS } from "@/lib/schemas/common";
import { ZPresenceUpdate } from "@/lib/schemas/presence";
import type { Actor } from "../actor";
import { createAnnotation } from "../annotations/create-annotation";
import { deleteAnnotation } from "../annotations/delete-annotation";
import { listAnnotationHistory } from "../annotations/list-annotation-history";
import { restoreAnnotation } from "../annotations/restore-annotation";
import { setThreadResolved } from "../annotations/set-thread-resolved";
import { updateAnnotation } from "../annotations/update-annotation";
import type { Auth } from "../auth/create-auth";
import { getSession } from "../auth/get-session";
import { joinBoard } from "../boards/join-board";
import { readBoardSnapshotJson } from "../boards/read-board-snapshot-json";
import { shareSnapshotReads } from "../boards/share-snapshot-reads";
import { confirmCandidate } from "../candidates/confirm-candidate";
import { extractSourceCandidates } from "../candidates/extract-source-candidates";
import { listSourceCandidates } from "../candidates/list-source-candidates";
import { rejectCandidate } from "../candidates/reject-candidate";
import { contentRequests } from "../content/content-requests";
import { listObservationHistory } from "../content/observation-history";
import { attachAnnotation } from "../documents/attach-annotation";
import { diffSourceVersions } from "../documents/diff-source-versions";
import { readSource } from "../documents/read-source";
import { reviseSource } from "../documents/revise-source";
import type { Domain } from "../domain";
import { AppError, logRequestFailure, parseInput, toWireError } from "../errors";
import { isSameOrigin } from "../http/same-origin";
import type { Logger } from "../logger";
import { searchPlaces } from "../places/search-places";
import { searchBoard } from "../search/search-board";
import { markBoardSeen } from "../shift/mark-board-seen";
import { deleteView } from "../views/delete-view";
import { listViews } from "../views/list-views";
import { saveView } from "../views/save-view";
import { listen, type RequestHandlers, requestListener } from "./on-request";
import { passSerializedJson } from "./pass-serialized-json";
import { broadcastPresence, TYPING_SHOWN_MS } from "./presence";
import { checkProtocolVersion } from "./protocol-version";
import { boardIdOfRoom, boardRoom, userRoom } from "./rooms";
import type { WatchfloorServer, WatchfloorSocket } from "./types";

/** The events that carry a whole document's text (issue 14: 1 MiB of it) and take a larger message. */
const DOCUMENT_EVENTS: ReadonlySet<string> = new Set(["source:create", "source:revise"]);

const PRESENCE_COALESCE_MS = 100;

export function createSocketServer(options: {
  httpServer: HttpServer;
  logger: Logger;
  publicUrl: string;
}): WatchfloorServer {
  const io: WatchfloorServer = new Server(options.httpServer, {
    maxHttpBufferSize: LIMITS.socketTransportBytes,
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
  // Board snapshots arrive as JSON text from PostgreSQL and leave as it is.
  passSerializedJson(io.encoder);
  return io;
}

export function registerSocketHandlers(options: {
  io: WatchfloorServer;
  domain: Domain;
  auth: Auth;
  logger: Logger;
  catchUpMaxOps: number;
}): void {
  const { io, logger } = options;
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
      checkProtocolVersion(socket.handshake.auth);
      const session = await getSession(options.auth, socket.request.headers);
      if (!session) return next(new Error("UNAUTHENTICATED"));
      socket.data = { actor: session.actor, sessionId: session.sessionId, expiresAt: session.expiresAt.getTime() };
      next();
    } catch (error) {
      // The message is the code the browser acts on; `data` carries the whole wire error. A middleware
      // error stops Socket.IO's own reconnection, so the browser retries UNAVAILABLE itself
      // (components/board/use-live-board.ts) after `retryAfterMs`.
      const wire = toWireError(error);
      logRequestFailure(logger, error, wire, { request: "socket handshake" });
      next(Object.assign(new Error(wire.code), { data: wire }));
    }
  });

  const listeners = new Map(
    Object.entries(requestHandlers({ ...options, announcePresence })).map(([event, handle]) => [
      event,
      requestListener(event, logger, handle, DOCUMENT_EVENTS.has(event) ? LIMITS.documentMessageBytes : undefined),
    ]),
  );
  io.on("connection", (socket) => {
    // Every device of the analyst, on any node, hears what concerns only them (seen:state).
    socket.join(userRoom(socket.data.actor.id));
    listen(socket, listeners);
    socket.on("disconnecting", onDisconnecting);
  });

  function onDisconnecting(this: WatchfloorSocket) {
    const boards = [...this.rooms].map(boardIdOfRoom).filter((id): id is string => id !== null);
    // After the socket has left its rooms, tell those boards who is still there.
    this.once("disconnect", () => {
      for (const boardId of boards) announcePresence(boardId);
    });
  }
}

/** The request handlers by event: thin edges over the domain services, the actor from the handshake. */
function requestHandlers(options: {
  domain: Domain;
  catchUpMaxOps: number;
  announcePresence: (boardId: string, delayMs?: number) => void;
}): RequestHandlers {
  const { domain, announcePresence } = options;
  const { db } = domain;
  const readSnapshot = shareSnapshotReads((boardId) => readBoardSnapshotJson({ db, boardId }));
  const content = (socket: WatchfloorSocket, input: unknown) => ({ domain, actor: socket.data.actor, input });
  return {
    "board:join": async (socket, input) => {
      const result = await joinBoard({
        db,
        actor: socket.data.actor,
        input,
        catchUpMaxOps: options.catchUpMaxOps,
        readSnapshot,
        onAuthorized: (boardId) => socket.join(boardRoom(boardId)),
      });
      announcePresence(result.boardId);
      return result;
    },
    "board:leave": async (socket, input) => {
      const { boardId } = parseInput(ZBoardLeave, input);
      await socket.leave(boardRoom(boardId));
      announcePresence(boardId);
      return { boardId };
    },
    "board:search": (socket, input) => searchBoard({ db, actor: socket.data.actor, input }),

    "annotation:create": async (socket, input) => {
      const { annotation, seq } = await createAnnotation(content(socket, input));
      return { annotation, seq };
    },
    "annotation:update": (socket, input) => updateAnnotation(content(socket, input)),
    "annotation:delete": (socket, input) => deleteAnnotation(content(socket, input)),
    "annotation:restore": (socket, input) => restoreAnnotation(content(socket, input)),
    "annotation:resolve": (socket, input) => setThreadResolved({ ...content(socket, input), resolved: true }),
    "annotation:reopen": (socket, input) => setThreadResolved({ ...content(socket, input), resolved: false }),
    "annotation:history": (socket, input) => listAnnotationHistory({ db, actor: socket.data.actor, input }),

    ...withSocketActor(contentRequests(domain)),
    "observation:history": (socket, input) => listObservationHistory({ db, actor: socket.data.actor, input }),
    "source:read": (socket, input) => readSource({ db, actor: socket.data.actor, input }),
    "source:revise": (socket, input) => reviseSource(content(socket, input)),
    "source:diff": (socket, input) => diffSourceVersions(content(socket, input)),
    "annotation:attach": (socket, input) => attachAnnotation(content(socket, input)),
    "source:extract": (socket, input) => extractSourceCandidates(content(socket, input)),
    "source:candidates": (socket, input) => listSourceCandidates({ db, actor: socket.data.actor, input }),
    "candidate:confirm": (socket, input) => confirmCandidate(content(socket, input)),
    "candidate:reject": (socket, input) => rejectCandidate(content(socket, input)),
    "place:search": (_socket, input) => searchPlaces({ workers: domain.workers, input }),
    "board:seen": (socket, input) => markBoardSeen(content(socket, input)),
    "view:save": (socket, input) => saveView(content(socket, input)),
    "view:delete": (socket, input) => deleteView(content(socket, input)),
    "view:list": (socket, input) => listViews(content(socket, input)),

    "presence:update": async (socket, input) => {
      const update = parseInput(ZPresenceUpdate, input);
      if (!socket.rooms.has(boardRoom(update.boardId))) throw new AppError("NOT_FOUND", "Join the board first");
      socket.data.presence = { ...update, updatedAt: Date.now() };
      announcePresence(update.boardId);
      // Typing that is not refreshed fades: announce again once it has.
      if (update.typingIn) announcePresence(update.boardId, TYPING_SHOWN_MS + 50);
      return { boardId: update.boardId };
    },
  };
}

/** Services called with (actor, input) as socket handlers: the actor is the one the handshake signed in. */
function withSocketActor<R extends Record<string, (actor: Actor, input: unknown) => Promise<unknown>>>(
  requests: R,
): { [E in keyof R]: (socket: WatchfloorSocket, input: unknown) => ReturnType<R[E]> } {
  const entries = Object.entries(requests).map(([event, call]) => [
    event,
    (socket: WatchfloorSocket, input: unknown) => call(socket.data.actor, input),
  ]);
  return Object.fromEntries(entries) as {
    [E in keyof R]: (socket: WatchfloorSocket, input: unknown) => ReturnType<R[E]>;
  };
}
