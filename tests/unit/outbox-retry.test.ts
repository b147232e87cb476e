// While the server is up but cannot save (its database is down), the socket stays live, so notes the
// server answered UNAVAILABLE must be sent again by a timer honouring its hint, or as soon as a write
// is saved again — and not at all when nothing waits.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createOutboxRetry } from "@/components/board/outbox-retry";
import { MAX_RETRY_DELAY_MS, MIN_RETRY_DELAY_MS, retryDelayMs } from "@/components/board/retry-delay";
import type { WireError } from "@/lib/errors";

const databaseDown: WireError = {
  code: "UNAVAILABLE",
  message: "The database is unreachable; retry in a moment",
  retryAfterMs: 2_000,
};
const notConnected: WireError = { code: "UNAVAILABLE", message: "Not connected; try again when live" };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("retrying the outbox while the board stays live", () => {
  it("sends again after the server's hint, longer each time in a row, never longer than the cap", () => {
    const flush = vi.fn();
    const retry = createOutboxRetry(flush);
    retry.answeredLater(databaseDown);
    vi.advanceTimersByTime(1_999);
    expect(flush).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(flush).toHaveBeenCalledTimes(1);
    // The resend was answered the same: the next try waits twice as long.
    retry.answeredLater(databaseDown);
    vi.advanceTimersByTime(3_999);
    expect(flush).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(flush).toHaveBeenCalledTimes(2);
    expect(retryDelayMs(databaseDown.retryAfterMs, 40)).toBe(MAX_RETRY_DELAY_MS);
  });

  it("sends at once when another write is saved, and the wait starts short again", () => {
    const flush = vi.fn();
    const retry = createOutboxRetry(flush);
    retry.answeredLater(databaseDown);
    retry.saved();
    expect(flush).toHaveBeenCalledTimes(1);
    // The timer it replaced does not send a second time.
    vi.advanceTimersByTime(MAX_RETRY_DELAY_MS);
    expect(flush).toHaveBeenCalledTimes(1);
    retry.answeredLater(databaseDown);
    vi.advanceTimersByTime(2_000);
    expect(flush).toHaveBeenCalledTimes(2);
  });

  it("arms one timer for several waiting answers, and none without a hint (going live sends those)", () => {
    const flush = vi.fn();
    const retry = createOutboxRetry(flush);
    retry.answeredLater(notConnected);
    vi.advanceTimersByTime(MAX_RETRY_DELAY_MS);
    expect(flush).not.toHaveBeenCalled();
    retry.answeredLater(databaseDown);
    retry.answeredLater(databaseDown);
    vi.advanceTimersByTime(MAX_RETRY_DELAY_MS);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it("does nothing on a saved write when nothing waits, nor after the outbox drained or the page left", () => {
    const flush = vi.fn();
    const retry = createOutboxRetry(flush);
    retry.saved();
    retry.answeredLater(databaseDown);
    retry.drained();
    retry.saved();
    vi.advanceTimersByTime(MAX_RETRY_DELAY_MS);
    retry.answeredLater(databaseDown);
    retry.stop();
    vi.advanceTimersByTime(MAX_RETRY_DELAY_MS);
    expect(flush).not.toHaveBeenCalled();
  });

  it("treats only UNAVAILABLE with a hint as 'later', and waits at least the floor whatever the hint", () => {
    const flush = vi.fn();
    const retry = createOutboxRetry(flush);
    retry.answeredLater({ code: "RATE_LIMITED", message: "slow down", retryAfterMs: 500 });
    retry.answeredLater(notConnected);
    vi.advanceTimersByTime(MAX_RETRY_DELAY_MS);
    expect(flush).not.toHaveBeenCalled();
    retry.answeredLater({ ...databaseDown, retryAfterMs: 0 });
    vi.advanceTimersByTime(MIN_RETRY_DELAY_MS - 1);
    expect(flush).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(flush).toHaveBeenCalledTimes(1);
  });
});
