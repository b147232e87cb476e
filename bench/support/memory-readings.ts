// Reads a server's memory after a full garbage collection through bench/support/memory-probe.cjs.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sleep } from "./stats";

export type MemoryReading = { rss: number; heapUsed: number; external: number };

const PROBE = path.resolve(import.meta.dirname, "memory-probe.cjs");

/** The node flags and environment that arm the probe in a server process, and how to read it. */
export async function armMemoryProbe() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "watchfloor-memory-"));
  const file = path.join(dir, "reading.json");
  return {
    nodeArgs: ["--expose-gc", "--require", PROBE],
    env: { BENCH_MEMORY_PROBE_FILE: file },
    /** Asks the process for a reading and waits for a fresh one. */
    read: async (pid: number): Promise<MemoryReading> => {
      const asked = Date.now();
      process.kill(pid, "SIGUSR2");
      for (let waited = 0; waited < 10_000; waited += 50) {
        await sleep(50);
        const reading = await readFile(file, "utf8")
          .then((text) => JSON.parse(text) as MemoryReading & { at: number })
          .catch(() => null);
        if (reading && reading.at >= asked) return reading;
      }
      throw new Error(`process ${pid} gave no memory reading`);
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
