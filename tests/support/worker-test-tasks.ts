// Tasks that only tests run, added to the production table: one that holds its thread until released
// (to fill the queue without sleeps), one that crashes its worker, streams that fail, one that never ends.
import { createTaskRunner } from "@/server/workers/run-task";
import { streamText } from "@/server/workers/stream-text";
import { TASKS } from "@/server/workers/tasks";

export const TEST_WORKER_ENTRY = new URL("./worker-test-entry.mjs", import.meta.url);

/** A hold's flags: [started, released], shared with the test through a SharedArrayBuffer. */
export type HoldFlags = Int32Array;

export const TEST_TASKS = {
  ...TASKS,
  hold: (flags: HoldFlags) => {
    Atomics.store(flags, 0, 1);
    Atomics.notify(flags, 0);
    Atomics.wait(flags, 1, 0);
    return "released";
  },
  /** An error thrown outside the task's promise, as a native or timer callback would: the worker dies. */
  crash: (_input: null) =>
    new Promise<never>(() => {
      setTimeout(() => {
        throw new Error("the worker crashed");
      });
    }),
  /** A streamed file that fails after its first chunk (more than one chunk's worth) has gone out. */
  "fail-half-way": streamText(function* (_data: null) {
    yield "x".repeat(100_000);
    throw new Error("the file could not be finished");
  }),
  "fail-at-once": streamText((_data: null): Iterable<string> => {
    throw new Error("the file could not be started");
  }),
  hang: (_input: null) => {
    for (;;) {
      // Busy, as a runaway layout loop would be: only terminating the thread stops it.
    }
  },
};

export type TestTasks = typeof TEST_TASKS;

export const runTestTask = createTaskRunner(TEST_TASKS);

/** Flags for one hold, and how the test waits for it to start and lets it go. */
export function holdHandle() {
  const flags: HoldFlags = new Int32Array(new SharedArrayBuffer(8));
  return {
    flags,
    started: async () => {
      const waiting = (Atomics as AtomicsWithWaitAsync).waitAsync(flags, 0, 0);
      if (waiting.async) await waiting.value;
    },
    release: () => {
      Atomics.store(flags, 1, 1);
      Atomics.notify(flags, 1);
    },
  };
}

/** Atomics.waitAsync is in Node 20 but in TypeScript's ES2024 lib, past this project's ES2023. */
type AtomicsWithWaitAsync = typeof Atomics & {
  waitAsync: (
    array: Int32Array,
    index: number,
    value: number,
  ) => { async: false; value: string } | { async: true; value: Promise<string> };
};
