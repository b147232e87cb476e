// The process's one pool of worker threads (piscina) for heavy work: chart rendering, the briefing PDF,
// big exports and CSV import parsing (tasks.ts). The event loop belongs to live traffic (docs/architecture.md,
// "Heavy work in a worker pool"): the main thread reads from the database, hands plain data over, and sends the answer.
// The queue is bounded: a full queue refuses at once (503 with Retry-After) rather than making every
// caller wait longer. A task that crashes its worker or runs past its time fails alone; piscina starts
// a fresh worker in its place.
import { PassThrough, type Readable } from "node:stream";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import { AppError } from "../errors";
import type { Logger } from "../logger";
import type { TaskRequest } from "./run-task";
import { STREAM_END, type StreamInput } from "./stream-text";
import type { Tasks, TaskTable } from "./tasks";
import { WorkerTaskFailed, WorkerTaskTimedOut, workQueueFull } from "./worker-errors";

type Input<T extends TaskTable, K extends keyof T> = Parameters<T[K]>[0];
/** What comes back: bytes as a Buffer, anything else as the task returned it (structured-cloned). */
type Output<T extends TaskTable, K extends keyof T> =
  Awaited<ReturnType<T[K]>> extends Uint8Array ? Buffer : Awaited<ReturnType<T[K]>>;
/** The tasks that answer in chunks (stream-text.ts), and the data each takes. */
type StreamTask<T extends TaskTable> = {
  [K in keyof T]: Parameters<T[K]>[0] extends StreamInput<unknown> ? K : never;
}[keyof T] &
  string;
type StreamData<T extends TaskTable, K extends keyof T> = Parameters<T[K]>[0] extends StreamInput<infer D> ? D : never;

export type WorkerPool<T extends TaskTable = Tasks> = {
  run<K extends keyof T & string>(
    task: K,
    input: Input<T, K>,
    options?: { transferList?: Transferable[]; timeoutMs?: number },
  ): Promise<Output<T, K>>;
  /**
   * A streamed task's answer as a stream of bytes, once its first chunk has reached this thread: a task
   * whose failure arrives before that rejects (so the caller can still answer with an error status);
   * one whose failure arrives later destroys the stream. Either way a failed file never ends cleanly.
   */
  stream<K extends StreamTask<T>>(task: K, data: StreamData<T, K>): Promise<Readable>;
  /** Lets the tasks in hand finish (up to piscina's close timeout), then stops the threads. */
  close(): Promise<void>;
  /** For tests and metrics: threads started, tasks waiting. */
  readonly threads: number;
  readonly queued: number;
};

export type WorkerPoolOptions = {
  threads: number;
  /** Tasks that may wait for a thread; one more is refused with UNAVAILABLE. */
  maxQueue: number;
  /** From submission: a task still queued or running after this long is abandoned, its worker stopped. */
  taskTimeoutMs: number;
  /** Added to the worker threads' nice value (piscina, through @napi-rs/nice): below the event loop. */
  niceIncrement?: number;
  logger: Logger;
  /** The worker module; tests hand one whose table adds tasks that hold, crash or hang. */
  entry?: URL;
};

const DEFAULT_ENTRY = new URL("./worker-entry.mjs", import.meta.url);

export function createWorkerPool<T extends TaskTable = Tasks>(options: WorkerPoolOptions): WorkerPool<T> {
  const piscina = new Piscina<TaskRequest, unknown>({
    filename: (options.entry ?? DEFAULT_ENTRY).href,
    minThreads: options.threads,
    maxThreads: options.threads,
    // Threads stay: a fresh one would load jsdom, React and pdfkit again (a second or more) for its first export.
    idleTimeout: Number.POSITIVE_INFINITY,
    niceIncrement: options.niceIncrement ?? 0,
  });
  // The bound is counted here: piscina 5.3 keeps tasks that carry an AbortSignal (all of ours, for the
  // timeout) in a side queue that its maxQueue check does not see.
  const capacity = options.threads + options.maxQueue;
  let inHand = 0;

  const run: WorkerPool<T>["run"] = async (task, input, runOptions) => {
    if (inHand >= capacity) throw workQueueFull(estimateWaitMs());
    const timeoutMs = runOptions?.timeoutMs ?? options.taskTimeoutMs;
    const signal = AbortSignal.timeout(timeoutMs);
    inHand++;
    try {
      const result = await piscina.run(
        { task, input },
        { signal, ...(runOptions?.transferList ? { transferList: runOptions.transferList as never } : {}) },
      );
      return asBuffer(result) as never;
    } catch (error) {
      throw toAppError(error, task, signal, timeoutMs);
    } finally {
      inHand--;
    }
  };

  // Chunks are buffered here without pushing back on the worker: the thread is free as soon as the file
  // is written, and a slow download holds memory (at most the file, as a whole-file answer would), not a thread.
  const stream: WorkerPool<T>["stream"] = async (task, data) => {
    const { port1, port2 } = new MessageChannel();
    const body = new PassThrough();
    // A failure is logged once (toAppError) and ends the response it feeds; without a listener of
    // its own, a stream destroyed before anyone reads it would throw its error at the process.
    body.on("error", () => {});
    let firstChunk: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      firstChunk = resolve;
    });
    port1.on("message", (chunk: Uint8Array | typeof STREAM_END) => {
      firstChunk();
      if (chunk === STREAM_END) {
        port1.close();
        body.end();
      } else body.write(asBuffer(chunk));
    });
    const finished = run(task, { data, sink: port2 } as never, { transferList: [port2] });
    finished.catch((error: unknown) => {
      port1.close();
      body.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    await Promise.race([started, finished]);
    return body;
  };

  return {
    run,
    stream,
    close: () => piscina.close(),
    get threads() {
      return piscina.threads.length;
    },
    get queued() {
      return Math.max(0, inHand - options.threads);
    },
  };

  function toAppError(error: unknown, task: string, signal: AbortSignal, timeoutMs: number): AppError {
    if (error instanceof AppError) return error;
    if (signal.aborted) {
      options.logger.error({ task, timeoutMs }, "worker task timed out; its worker was stopped");
      return new WorkerTaskTimedOut(timeoutMs);
    }
    options.logger.error({ err: error, task }, "worker task failed");
    return new WorkerTaskFailed();
  }

  /** How long until the queue has room: the tasks in hand, at the average run time seen so far. */
  function estimateWaitMs(): number {
    const averageMs = piscina.histogram.runTime.mean;
    return Number.isFinite(averageMs) && averageMs > 0 ? (averageMs * inHand) / options.threads : 1000;
  }
}

/** Bytes cross the thread boundary as a Uint8Array; the main thread sends Buffers. No copy is made. */
function asBuffer(result: unknown): unknown {
  if (result instanceof Uint8Array && !Buffer.isBuffer(result)) {
    return Buffer.from(result.buffer, result.byteOffset, result.byteLength);
  }
  return result;
}
