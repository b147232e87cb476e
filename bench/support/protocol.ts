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
  | { id: number; cmd: "close" }
  /**
   * Board load: `repeats` times, a fresh socket joins the board without sinceSeq; each sample is the
   * time from the emit until the snapshot has arrived and been applied to a board state.
   */
  | { id: number; cmd: "load-board"; url: string; cookie: string; boardId: string; repeats: number };

export type WriteOutcome = { acked: number; failed: number; elapsedMs: number };

export type ClientReport = {
  /** Emit-to-receipt latency of every board:op this process's sockets received, in ms. */
  latencies: number[];
  eventLoop: { p50: number; p99: number; max: number };
};

export type BoardLoadReport = {
  samplesMs: number[];
  /** The join answer as JSON, and how long this process takes to JSON.parse it (the client's decode). */
  bytes: number;
  parseMs: number;
  seq: number;
  annotations: number;
  observations: number;
};

export type ClientReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** The baseline server's events: the same names Watchfloor uses, none of its work behind them. */
export type BaselineClientEvents = {
  "board:join": (
    payload: { boardId: string; sinceSeq?: number },
    ack: (result: { seq: number; ops: unknown[] } | BaselineSnapshotAnswer) => void,
  ) => void;
  "annotation:create": (payload: unknown, ack: (result: { ok: true; seq: number }) => void) => void;
  /** Loads the baseline's log with ops (the catch-up scenario hands it the ones Watchfloor sent). */
  "bench:seed": (payload: { boardId: string; ops: unknown[] }, ack: (result: { seq: number }) => void) => void;
  /** Holds a join answer with a snapshot, given to every later join of that board without sinceSeq (board load). */
  "bench:snapshot": (payload: { boardId: string; answer: BaselineSnapshotAnswer }, ack: () => void) => void;
};
/** Watchfloor's board:join answer, handed over as is: the baseline sends the very same object. */
export type BaselineSnapshotAnswer = { seq: number; snapshot: unknown };
export type BaselineServerEvents = { "board:op": (op: unknown) => void };
