// When to send the outbox's pending notes again while the board stays live. Going live sends them
// (use-outbox.ts), but while the server is up and only its database is down the socket stays
// connected: nothing would go live again, so an answer "UNAVAILABLE, retry in N ms" arms a timer
// instead, a little longer each time in a row, and the next write the server saves sends them at once.
// Apart from React so its timing can be tested with fake timers.
import type { WireError } from "@/lib/errors";

/** However long the server asks, a waiting note is tried again at least this often. */
export const MAX_RETRY_DELAY_MS = 30_000;
/** And however short, no sooner than this: a hint of 0 must not become a tight loop. */
export const MIN_RETRY_DELAY_MS = 500;

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

/** How long to wait before the attempt after `inARow` answers of "retry later" in a row. */
export function retryDelayMs(error: WireError, inARow: number): number | null {
  if (error.code !== "UNAVAILABLE" || error.retryAfterMs === undefined) return null;
  return Math.min(MAX_RETRY_DELAY_MS, Math.max(MIN_RETRY_DELAY_MS, error.retryAfterMs) * 2 ** Math.min(inARow, 16));
}

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
      const delay = retryDelayMs(error, inARow);
      // Without a hint ("not connected", no answer) the next time the board goes live sends it.
      if (delay === null) return;
      owed = true;
      if (timer !== undefined) return;
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
