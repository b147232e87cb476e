// When to send the outbox's pending notes again while the board stays live. Going live sends them
// (use-outbox.ts), but while the server is up and only its database is down the socket stays
// connected: nothing would go live again, so an answer "UNAVAILABLE, retry in N ms" arms a timer
// instead, a little longer each time in a row, and the next write the server saves sends them at once.
// Apart from React so its timing can be tested with fake timers.
import type { WireError } from "@/lib/errors";
import { retryDelayMs } from "./retry-delay";

export type OutboxRetry = {
  /** A send was answered "not now": with a hint from the server, send what waits again later. */
  answeredLater: (error: WireError) => void;
  /** A send was saved: the server can write again, so send what waits now, if anything does. */
  saved: () => void;
  /** A resend went through the whole outbox: nothing is owed a retry. */
  drained: () => void;
  /** The page is leaving. */
  stop: () => void;
};

export function createOutboxRetry(flush: () => void): OutboxRetry {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inARow = 0;
  /** Something waits for a retry: set by an answer "later", cleared once a resend has sent it all. */
  let owed = false;

  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  return {
    answeredLater(error) {
      // Only an UNAVAILABLE with a hint arms the timer; without one ("not connected") the next time the
      // board goes live sends it.
      if (error.code !== "UNAVAILABLE" || error.retryAfterMs === undefined) return;
      owed = true;
      if (timer !== undefined) return;
      const delay = retryDelayMs(error.retryAfterMs, inARow);
      inARow += 1;
      timer = setTimeout(() => {
        timer = undefined;
        flush();
      }, delay);
    },
    saved() {
      inARow = 0;
      if (!owed) return;
      cancel();
      flush();
    },
    drained() {
      owed = false;
      inARow = 0;
      cancel();
    },
    stop: cancel,
  };
}
