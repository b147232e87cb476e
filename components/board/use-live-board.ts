"use client";
// Keeps one board live in the browser: joins over Socket.IO, applies ops in seq order, refetches the
// missing range on a gap, and rejoins with sinceSeq after a reconnect, so the view converges without
// a reload.
import { useCallback, useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { applyOps, type LiveBoard, liveBoardOf } from "@/lib/board-state";
import type { Failure, WireError } from "@/lib/errors";
import type { BoardLeft, ClientToServerEvents, PresenceMember, ServerToClientEvents, WireWarning } from "@/lib/events";
import type { WireOp } from "@/lib/ops";
import type { SeenState } from "@/lib/schemas/shift";
import { handshakeAuth } from "@/lib/protocol";
import { ANSWER_TIMEOUT_MS, createLiveBoardRetry } from "./live-board-retry";
import { DEFAULT_RETRY_HINT_MS } from "./retry-delay";

/** What the ack of a client-to-server event carries. */
export type AckOf<E extends keyof ClientToServerEvents> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

/** Sends one request over the board's socket; always answers with a result union. */
export type BoardSend = <E extends keyof ClientToServerEvents>(
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
) => Promise<AckOf<E> | Failure>;

export type ConnectionState = "connecting" | "live" | "reconnecting" | "offline" | "failed";

type BoardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Ops kept for the activity feed (those before the page opened come from the server). */
const LIVE_OPS_KEPT = 50;

export function useLiveBoard(boardId: string) {
  const [board, setBoard] = useState<LiveBoard | null>(null);
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [presence, setPresence] = useState<PresenceMember[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [left, setLeft] = useState<BoardLeft["reason"] | null>(null);
  const [liveOps, setLiveOps] = useState<WireOp[]>([]);
  const [warnings, setWarnings] = useState<WireWarning[]>([]);
  /** The analyst's last seen as the server last announced it (this device or another; issue 19). */
  const [seen, setSeen] = useState<SeenState | null>(null);
  /** Counts the times the board became live; the outbox sends what it holds at each. */
  const [liveEpoch, setLiveEpoch] = useState(0);
  const socketRef = useRef<BoardSocket | null>(null);
  const boardRef = useRef<LiveBoard | null>(null);

  useEffect(() => {
    // The protocol version lets the server refuse a page built for another one (lib/protocol.ts).
    const socket: BoardSocket = io({ withCredentials: true, auth: handshakeAuth() });
    socketRef.current = socket;
    let joining = false;
    let pending: WireOp[] = [];
    const retry = createLiveBoardRetry({ socket, online: () => navigator.onLine });
    /** The seq a board:head announced; a join that answers below it (it was already in flight) runs again. */
    let announcedSeq = 0;

    const commit = (next: LiveBoard) => {
      boardRef.current = next;
      setBoard(next);
    };

    /** Joins with sinceSeq to catch up; with fresh, asks for a whole snapshot instead. */
    const join = async (fresh = false) => {
      if (joining) return;
      joining = true;
      try {
        const sinceSeq = fresh ? undefined : boardRef.current?.seq;
        let result: AckOf<"board:join">;
        try {
          result = await socket.timeout(ANSWER_TIMEOUT_MS).emitWithAck("board:join", { boardId, sinceSeq });
        } catch {
          // No answer in time, or the connection dropped while waiting.
          setConnection(retry.joinFailed(() => void join(fresh)));
          return;
        }
        if (!result.ok) {
          setError(result.error.message);
          setConnection(retry.joinFailed(() => void join(fresh), result.error));
          return;
        }
        let current: LiveBoard | null = null;
        let recoveredNeedSnapshot = false;
        if ("snapshot" in result) current = liveBoardOf(result.seq, result.snapshot);
        else if (boardRef.current) {
          const run = applyOps(boardRef.current, result.ops);
          current = run.board;
          recoveredNeedSnapshot = run.needsSnapshot;
        }
        const recovered = "ops" in result ? result.ops : [];
        if (!current) return;
        // Ops broadcast while the join was in flight: those after the joined seq still apply.
        const { board: caughtUp, gap, needsSnapshot } = applyOps(current, pending);
        // The activity feed hears of recovered ops too, once each.
        const heard = [...recovered, ...pending].filter((op) => op.seq <= caughtUp.seq);
        if (heard.length) {
          setLiveOps((ops) => {
            const known = new Set(ops.map((op) => op.seq));
            return [...ops, ...heard.filter((op) => !known.has(op.seq))]
              .sort((a, b) => a.seq - b.seq)
              .slice(-LIVE_OPS_KEPT);
          });
        }
        pending = [];
        retry.live();
        commit(caughtUp);
        setError(null);
        setConnection("live");
        setLiveEpoch((epoch) => epoch + 1);
        // An op this page cannot apply (an import, or a type newer than the page) means a fresh snapshot.
        if (recoveredNeedSnapshot || needsSnapshot) queueMicrotask(() => void join(true));
        else if (gap || caughtUp.seq < announcedSeq) queueMicrotask(() => void join());
        announcedSeq = 0;
      } finally {
        joining = false;
      }
    };

    socket.on("connect", () => void join());
    socket.on("disconnect", (reason) => {
      retry.disconnected();
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
      // A connection lost on the way Socket.IO retries by itself (it stays active); one the server refused
      // in its handshake it does not. Those are connected again with a capped backoff (live-board-retry.ts),
      // unless only a reload can help, and what the server said is shown meanwhile.
      if (!socket.active) {
        const refusal = (cause as Error & { data?: WireError }).data;
        if (refusal) setError(refusal.message);
        setConnection(retry.connectRefused(refusal));
      }
    });
    socket.on("board:op", (op) => {
      if (op.boardId !== boardId) return;
      const current = boardRef.current;
      if (joining || !current) {
        pending.push(op);
        return;
      }
      const { board: next, gap, needsSnapshot } = applyOps(current, [op]);
      if (next !== current) {
        commit(next);
        setLiveOps((ops) => [...ops, op].slice(-LIVE_OPS_KEPT));
      }
      // An import carries too little to apply, and an op type newer than this page is not guessed at.
      if (needsSnapshot) void join(true);
      else if (gap) {
        pending.push(op);
        void join();
      }
    });
    // After the server's nodes could not reach each other, ops written elsewhere may be missing here
    // with no later op to reveal the gap: the server says where the board stands (docs/realtime.md).
    socket.on("board:head", (head) => {
      if (head.boardId !== boardId || !boardRef.current || boardRef.current.seq >= head.seq) return;
      announcedSeq = head.seq;
      void join();
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
    socket.on("warning:raised", (warning) => {
      if (warning.boardId === boardId) setWarnings((shown) => [...shown, warning]);
    });
    socket.on("seen:state", (state) => {
      if (state.boardId === boardId) setSeen(state);
    });
    socket.on("presence:state", (state) => {
      if (state.boardId === boardId) setPresence(state.members);
    });

    // The browser knows first when the network goes: stop pretending to be live, and come back at once.
    const goOffline = () => {
      socket.disconnect();
      setConnection("offline");
    };
    const goOnline = () => socket.connect();
    window.addEventListener("offline", goOffline);
    window.addEventListener("online", goOnline);
    if (!navigator.onLine) goOffline();

    return () => {
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
      retry.stop();
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
      // A send without an answer may be tried again (creates carry their id): say when, as the server would.
      return {
        ok: false,
        error: {
          code: "UNAVAILABLE",
          message: "No answer from the server; it may not be saved",
          retryAfterMs: DEFAULT_RETRY_HINT_MS,
        },
      };
    }
  }, []);
  const send: BoardSend = useCallback(
    <E extends keyof ClientToServerEvents>(event: E, payload: Parameters<ClientToServerEvents[E]>[0]) =>
      request((socket) =>
        (socket.timeout(ANSWER_TIMEOUT_MS).emitWithAck as (...args: unknown[]) => Promise<AckOf<E>>)(event, payload),
      ),
    [request],
  );

  return {
    board,
    connection,
    presence,
    error,
    left,
    liveOps,
    liveEpoch,
    send,
    warnings,
    seen,
    dismissWarning: (annotationId: string) =>
      setWarnings((shown) => shown.filter((warning) => warning.annotationId !== annotationId)),
  };
}
