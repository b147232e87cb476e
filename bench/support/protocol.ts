// The messages between bench/run.ts and its load-client processes (over the child-process IPC channel),
// and the events of the bare Socket.IO baseline server.

/** Which server a load client talks to: Watchfloor's real events, or the baseline's bare broadcast. */
export type Target = "watchfloor" | "baseline";

export type ClientCommand =
  | {
      id: number;
      cmd: "connect";
      url: string;
      target: Target;
      cookies: string[];
      count: number;
      boardId: string;
      join: boolean;
    }
  /** Clears the latency samples and the event-loop histogram: the measured window starts now. */
  | { id: number; cmd: "reset" }
  /**
   * Every connected socket becomes a writer: each sends `count` writes (or writes until `durationMs`),
   * one in flight at a time, waiting `intervalMs` between them; `eventId` varies the target.
   */
  | { id: number; cmd: "write"; count?: number; durationMs?: number; intervalMs: number; eventId?: string }
  | { id: number; cmd: "report" }
  | { id: number; cmd: "close" };

export type WriteOutcome = { acked: number; failed: number; elapsedMs: number };

export type ClientReport = {
  /** Emit-to-receipt latency of every board:op this process's sockets received, in ms. */
  latencies: number[];
  eventLoop: { p50: number; p99: number; max: number };
};

export type ClientReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** The baseline server's events: the same names Watchfloor uses, none of its work behind them. */
export type BaselineClientEvents = {
  "board:join": (
    payload: { boardId: string; sinceSeq?: number },
    ack: (result: { seq: number; ops: unknown[] }) => void,
  ) => void;
  "annotation:create": (payload: unknown, ack: (result: { ok: true; seq: number }) => void) => void;
  /** Loads the baseline's log with ops (the catch-up scenario hands it the ones Watchfloor sent). */
  "bench:seed": (payload: { boardId: string; ops: unknown[] }, ack: (result: { seq: number }) => void) => void;
};
export type BaselineServerEvents = { "board:op": (op: unknown) => void };
