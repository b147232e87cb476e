// How long the browser waits before trying again what the server answered "not now" (issue 12): its
// hint, doubled each time in a row, never sooner than a floor (a hint of 0 must not become a tight loop)
// and never later than a cap. One formula for the outbox's resends (outbox-retry.ts) and the board's
// joins and reconnects (live-board-retry.ts).

/** However long the server asks, the next attempt comes at least this often. */
export const MAX_RETRY_DELAY_MS = 30_000;
/** And however short, no sooner than this. */
export const MIN_RETRY_DELAY_MS = 500;
/** The hint when there is none: no answer came, or the refusal named no wait. */
export const DEFAULT_RETRY_HINT_MS = 2_000;

/** How long to wait before the attempt after `inARow` failed ones in a row. */
export function retryDelayMs(hintMs: number | undefined, inARow: number): number {
  const base = Math.max(MIN_RETRY_DELAY_MS, hintMs ?? DEFAULT_RETRY_HINT_MS);
  return Math.min(MAX_RETRY_DELAY_MS, base * 2 ** Math.min(inARow, 16));
}
