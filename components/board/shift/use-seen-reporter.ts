// Tells the server how far the analyst has seen the board (`board:seen`, issue 19): while the page is
// visible, as the live seq advances, at most once per SEEN_THROTTLE_MS, and at once when the page comes
// back into view. A hidden tab never reports: a background tab is not reading.
import { useCallback, useEffect, useRef } from "react";
import type { BoardSend } from "../use-live-board";

export const SEEN_THROTTLE_MS = 2_000;

export function useSeenReporter({
  boardId,
  seq,
  visible,
  enabled,
  liveEpoch,
  send,
}: {
  boardId: string;
  seq: number;
  visible: boolean;
  /** False until the page knows its baseline (the last seen before this visit): reporting would move it. */
  enabled: boolean;
  liveEpoch: number;
  send: BoardSend;
}) {
  /** The highest seq this page has reported; a seen:state at or below it is this page's own echo. */
  const reported = useRef(0);
  const lastSentAt = useRef(0);
  const seqNow = useRef(seq);
  seqNow.current = seq;

  const report = useCallback(
    (target: number) => {
      if (target <= reported.current) return;
      const before = reported.current;
      reported.current = target;
      lastSentAt.current = Date.now();
      void send("board:seen", { boardId, seq: target }).then((result) => {
        // Not sent (offline): report again when live.
        if (!result.ok && reported.current === target) reported.current = before;
      });
    },
    [boardId, send],
  );

  const wasVisible = useRef(visible);
  useEffect(() => {
    const cameBack = visible && !wasVisible.current;
    wasVisible.current = visible;
    // Not live yet (liveEpoch 0): nothing to send on; each time the board is live again a failed report is retried.
    if (!visible || !enabled || liveEpoch === 0 || seq <= reported.current) return;
    const wait = SEEN_THROTTLE_MS - (Date.now() - lastSentAt.current);
    if (cameBack || wait <= 0) return report(seq);
    const timer = setTimeout(() => report(seqNow.current), wait);
    return () => clearTimeout(timer);
  }, [visible, enabled, seq, liveEpoch, report]);

  return { reported, report };
}
