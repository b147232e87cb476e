// When a board's page joins or connects again by itself (issue 12). Socket.IO reconnects a dropped
// connection on its own, but not one the server refused in its handshake; and after a join that was
// refused UNAVAILABLE or never answered the socket is still connected, so no connect event would join
// again (a first join's board:ops would queue forever). Two timers, one per action, because they wait for
// different things: a join retry is moot once the connection drops (connecting again joins), and a
// reconnect must never wait behind a pending join retry. Apart from React so the timing can be tested.
import type { WireError } from "@/lib/errors";
import { retryDelayMs } from "./retry-delay";

/**
 * How long a board request waits for its answer before it counts as unanswered. The server answers
 * UNAVAILABLE once its database has kept a query waiting for a pool connection up to
 * DATABASE_CONNECT_TIMEOUT_MS and then for a result up to DATABASE_QUERY_TIMEOUT_MS (server/config.ts:
 * 5 s and 10 s by default). Waiting longer than both lets the browser hear that answer and its retry
 * hint instead of giving up first and guessing; raise this with those settings.
 */
export const ANSWER_TIMEOUT_MS = 20_000;

/** The part of the Socket.IO client the retries use. */
export type RetriedSocket = { readonly connected: boolean; connect: () => void };

export type LiveBoardRetry = {
  /**
   * A join failed: refused with `error`, or not answered at all (no error). Answers whether the board is
   * coming back by itself ("reconnecting") or was refused for good ("failed").
   */
  joinFailed: (joinAgain: () => void, error?: WireError) => "reconnecting" | "failed";
  /**
   * The server refused the handshake, which Socket.IO does not retry by itself. Answers "failed" when
   * connecting again cannot help: the page speaks another protocol version and must be reloaded.
   */
  connectRefused: (error?: WireError) => "reconnecting" | "failed";
  /** The connection dropped: connecting again joins, so a pending join retry is dropped. */
  disconnected: () => void;
  /** The board is live: the next failure waits short again. */
  live: () => void;
  /** The page is leaving. */
  stop: () => void;
};

/** One pending attempt at a time (the newest replaces it), a little later each time in a row. */
function createBackoff() {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inARow = 0;
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return {
    later(attempt: () => void, hintMs: number | undefined) {
      cancel();
      const delay = retryDelayMs(hintMs, inARow++);
      timer = setTimeout(() => {
        timer = undefined;
        attempt();
      }, delay);
    },
    cancel,
    reset() {
      cancel();
      inARow = 0;
    },
  };
}

export function createLiveBoardRetry(options: { socket: RetriedSocket; online: () => boolean }): LiveBoardRetry {
  const { socket, online } = options;
  const rejoin = createBackoff();
  const reconnect = createBackoff();
  return {
    joinFailed(joinAgain, error) {
      // UNAVAILABLE: the server is up but cannot read the board now (its database). Without an answer
      // the server may be just as stuck, or the answer was lost. Any other refusal will not change.
      if (error && error.code !== "UNAVAILABLE") return "failed";
      // If the connection dropped meanwhile, connecting again joins.
      if (!socket.connected) return "reconnecting";
      rejoin.later(() => {
        if (socket.connected) joinAgain();
      }, error?.retryAfterMs);
      return "reconnecting";
    },
    connectRefused(error) {
      // The same page would be refused forever; only a reload (the current code) gets in.
      if (error?.code === "PROTOCOL_MISMATCH") return "failed";
      // Every other refusal is tried again with the same capped backoff: after the server's hint when its
      // database is down (UNAVAILABLE), after the default for anything else (INTERNAL: perhaps passing).
      reconnect.later(() => {
        if (online() && !socket.connected) socket.connect();
      }, error?.retryAfterMs);
      return "reconnecting";
    },
    disconnected: rejoin.cancel,
    live() {
      rejoin.reset();
      reconnect.reset();
    },
    stop() {
      rejoin.cancel();
      reconnect.cancel();
    },
  };
}
