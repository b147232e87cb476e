// A board's page joins and connects again by itself: after a join that got no answer while the socket
// stayed connected (no connect event would ever join again), after a join or a handshake the server
// refused "not now", and never with a reconnect held up by a pending join retry.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ANSWER_TIMEOUT_MS, createLiveBoardRetry } from "@/components/board/live-board-retry";
import { DEFAULT_RETRY_HINT_MS, MAX_RETRY_DELAY_MS } from "@/components/board/retry-delay";
import type { WireError } from "@/lib/errors";
import { parseConfig } from "@/server/config";

const databaseDown: WireError = {
  code: "UNAVAILABLE",
  message: "The database is unreachable; retry in a moment",
  retryAfterMs: 3_000,
};
const serverBug: WireError = { code: "INTERNAL", message: "Something went wrong" };

/** A stand-in for the Socket.IO client: connected or not, as the test says; connect() is counted. */
function fakeSocket() {
  const socket = { connected: true, connect: vi.fn() };
  return socket;
}

function setUp() {
  const socket = fakeSocket();
  const online = { value: true };
  const retry = createLiveBoardRetry({ socket, online: () => online.value });
  return { socket, online, retry, join: vi.fn() };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("joining a board again", () => {
  it("joins again after a join that got no answer while the socket stayed connected, longer each time", () => {
    const { retry, join } = setUp();
    expect(retry.joinFailed(join)).toBe("reconnecting");
    vi.advanceTimersByTime(DEFAULT_RETRY_HINT_MS - 1);
    expect(join).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(join).toHaveBeenCalledTimes(1);
    retry.joinFailed(join);
    vi.advanceTimersByTime(2 * DEFAULT_RETRY_HINT_MS - 1);
    expect(join).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(join).toHaveBeenCalledTimes(2);
  });

  it("joins again after the server's hint when refused UNAVAILABLE, and the wait starts short once live", () => {
    const { retry, join } = setUp();
    expect(retry.joinFailed(join, databaseDown)).toBe("reconnecting");
    vi.advanceTimersByTime(3_000);
    expect(join).toHaveBeenCalledTimes(1);
    retry.joinFailed(join, databaseDown);
    vi.advanceTimersByTime(6_000);
    expect(join).toHaveBeenCalledTimes(2);
    retry.live();
    retry.joinFailed(join, databaseDown);
    vi.advanceTimersByTime(3_000);
    expect(join).toHaveBeenCalledTimes(3);
  });

  it("gives up on a join refused for another reason", () => {
    const { retry, join } = setUp();
    expect(retry.joinFailed(join, { code: "FORBIDDEN", message: "Not a member of this board" })).toBe("failed");
    vi.advanceTimersByTime(MAX_RETRY_DELAY_MS);
    expect(join).not.toHaveBeenCalled();
  });

  it("leaves the join to the next connection when the socket is down (when it failed, or when the timer fires)", () => {
    const { socket, retry, join } = setUp();
    socket.connected = false;
    expect(retry.joinFailed(join)).toBe("reconnecting");
    vi.advanceTimersByTime(MAX_RETRY_DELAY_MS);
    socket.connected = true;
    retry.joinFailed(join, databaseDown);
    socket.connected = false;
    vi.advanceTimersByTime(MAX_RETRY_DELAY_MS);
    expect(join).not.toHaveBeenCalled();
  });

  it("waits for an answer longer than the server waits for its database by default", () => {
    const { connectMs, queryMs } = parseConfig({}).databaseTimeouts;
    expect(ANSWER_TIMEOUT_MS).toBeGreaterThan(connectMs + queryMs);
  });
});

describe("connecting again after the server refused the handshake", () => {
  it("is not held up by a pending join retry, which the dropped connection cancels", () => {
    const { socket, retry, join } = setUp();
    retry.joinFailed(join, databaseDown);
    socket.connected = false;
    retry.disconnected();
    retry.connectRefused(databaseDown);
    vi.advanceTimersByTime(3_000);
    expect(socket.connect).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(MAX_RETRY_DELAY_MS);
    expect(join).not.toHaveBeenCalled();
  });

  it("keeps both retries when the connection drops with a join retry pending", () => {
    const { socket, retry, join } = setUp();
    retry.joinFailed(join);
    retry.connectRefused(databaseDown);
    vi.advanceTimersByTime(DEFAULT_RETRY_HINT_MS);
    expect(join).toHaveBeenCalledTimes(1);
    socket.connected = false;
    vi.advanceTimersByTime(3_000 - DEFAULT_RETRY_HINT_MS);
    expect(socket.connect).toHaveBeenCalledTimes(1);
  });

  it("retries any refusal, not only UNAVAILABLE, with the same backoff capped at 30 s", () => {
    const { socket, retry } = setUp();
    socket.connected = false;
    const waits: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      retry.connectRefused(serverBug);
      const before = socket.connect.mock.calls.length;
      let waited = 0;
      while (socket.connect.mock.calls.length === before) {
        vi.advanceTimersByTime(500);
        waited += 500;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it("does not connect while the browser is offline (coming online connects), nor once connected", () => {
    const { socket, online, retry } = setUp();
    socket.connected = false;
    online.value = false;
    retry.connectRefused(databaseDown);
    vi.advanceTimersByTime(MAX_RETRY_DELAY_MS);
    online.value = true;
    retry.connectRefused(databaseDown);
    socket.connected = true;
    vi.advanceTimersByTime(MAX_RETRY_DELAY_MS);
    expect(socket.connect).not.toHaveBeenCalled();
  });

  it("does nothing once the page has left", () => {
    const { socket, retry, join } = setUp();
    retry.joinFailed(join);
    socket.connected = false;
    retry.connectRefused(databaseDown);
    retry.stop();
    vi.advanceTimersByTime(MAX_RETRY_DELAY_MS);
    expect(join).not.toHaveBeenCalled();
    expect(socket.connect).not.toHaveBeenCalled();
  });
});

describe("a page built for another protocol version", () => {
  it("is not connected again: the refusal says only a reload helps (issue 13)", () => {
    const { socket, retry } = setUp();
    socket.connected = false;
    const outdated: WireError = { code: "PROTOCOL_MISMATCH", message: "Watchfloor has been updated; reload the page." };
    expect(retry.connectRefused(outdated)).toBe("failed");
    vi.advanceTimersByTime(10 * MAX_RETRY_DELAY_MS);
    expect(socket.connect).not.toHaveBeenCalled();
    expect(retry.connectRefused(serverBug)).toBe("reconnecting");
  });
});
