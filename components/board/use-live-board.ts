"use client";
// Keeps one board live in the browser: joins over Socket.IO, applies ops in seq order, refetches the
// missing range on a gap, and rejoins with sinceSeq after a reconnect, so the view converges without
// a reload.
import { useCallback, useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { applyOps, type LiveBoard } from "@/lib/board-state";
import type { Failure } from "@/lib/errors";
import type {
  AnnotationCreateResult,
  AnnotationDeleteResult,
  AnnotationUpdateResult,
  BoardLeft,
  ClientToServerEvents,
  PresenceMember,
  ServerToClientEvents,
} from "@/lib/events";
import type { WireOp } from "@/lib/ops";
import type { TAnnotationCreateInput, TAnnotationDelete, TAnnotationUpdate } from "@/lib/schemas/annotation";

export type ConnectionState = "connecting" | "live" | "reconnecting" | "failed";

type BoardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ACK_TIMEOUT_MS = 10_000;

export function useLiveBoard(boardId: string) {
  const [board, setBoard] = useState<LiveBoard | null>(null);
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [presence, setPresence] = useState<PresenceMember[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [left, setLeft] = useState<BoardLeft["reason"] | null>(null);
  const socketRef = useRef<BoardSocket | null>(null);
  const boardRef = useRef<LiveBoard | null>(null);

  useEffect(() => {
    const socket: BoardSocket = io({ withCredentials: true });
    socketRef.current = socket;
    let joining = false;
    let pending: WireOp[] = [];

    const commit = (next: LiveBoard) => {
      boardRef.current = next;
      setBoard(next);
    };

    const join = async () => {
      if (joining) return;
      joining = true;
      try {
        const sinceSeq = boardRef.current?.seq;
        const result = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck("board:join", { boardId, sinceSeq });
        if (!result.ok) {
          setError(result.error.message);
          setConnection("failed");
          return;
        }
        let current: LiveBoard | null;
        if ("snapshot" in result) current = { seq: result.seq, snapshot: result.snapshot };
        else current = boardRef.current ? applyOps(boardRef.current, result.ops).board : null;
        if (!current) return;
        // Ops broadcast while the join was in flight: those after the joined seq still apply.
        const { board: caughtUp, gap } = applyOps(current, pending);
        pending = [];
        commit(caughtUp);
        setError(null);
        setConnection("live");
        if (gap) queueMicrotask(() => void join());
      } catch {
        setConnection("reconnecting");
      } finally {
        joining = false;
      }
    };

    socket.on("connect", () => void join());
    socket.on("disconnect", (reason) => {
      // After a server-side disconnect Socket.IO does not retry by itself; everything else it retries.
      if (reason === "io server disconnect") {
        setConnection("failed");
        setError("The server closed this connection; reload the page to reconnect.");
      } else setConnection("reconnecting");
    });
    socket.on("connect_error", (cause) => {
      if (cause.message === "UNAUTHENTICATED") {
        window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`);
        return;
      }
      setConnection("reconnecting");
    });
    socket.on("board:op", (op) => {
      if (op.boardId !== boardId) return;
      const current = boardRef.current;
      if (joining || !current) {
        pending.push(op);
        return;
      }
      const { board: next, gap } = applyOps(current, [op]);
      if (next !== current) commit(next);
      if (gap) {
        pending.push(op);
        void join();
      }
    });
    socket.on("board:left", (notice) => {
      if (notice.boardId !== boardId) return;
      setLeft(notice.reason);
      setConnection("failed");
      socket.disconnect();
    });
    socket.on("session:ended", () => {
      window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`);
    });
    socket.on("presence:state", (state) => {
      if (state.boardId === boardId) setPresence(state.members);
    });

    return () => {
      socket.disconnect();
      socketRef.current = null;
    };
  }, [boardId]);

  // Every request answers with a result union, also when the socket is down or the answer never comes.
  const request = useCallback(async <R>(send: (socket: BoardSocket) => Promise<R>): Promise<R | Failure> => {
    const socket = socketRef.current;
    if (!socket?.connected)
      return { ok: false, error: { code: "UNAVAILABLE", message: "Not connected; try again when live" } };
    try {
      return await send(socket);
    } catch {
      return { ok: false, error: { code: "UNAVAILABLE", message: "No answer from the server; it may not be saved" } };
    }
  }, []);
  const createAnnotation = useCallback(
    (input: TAnnotationCreateInput): Promise<AnnotationCreateResult> =>
      request((socket) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck("annotation:create", input)),
    [request],
  );
  const updateAnnotation = useCallback(
    (input: TAnnotationUpdate): Promise<AnnotationUpdateResult> =>
      request((socket) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck("annotation:update", input)),
    [request],
  );
  const deleteAnnotation = useCallback(
    (input: TAnnotationDelete): Promise<AnnotationDeleteResult> =>
      request((socket) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck("annotation:delete", input)),
    [request],
  );

  return { board, connection, presence, error, left, createAnnotation, updateAnnotation, deleteAnnotation };
}
