// Preloaded (--require) into the servers of the connections scenario, which also pass --expose-gc: on
// SIGUSR2 the process runs a full garbage collection and writes its memory readings to
// BENCH_MEMORY_PROBE_FILE, so the bench can tell memory held by connections from garbage not yet
// collected. Bench-only: nothing in Watchfloor loads this file.
const { writeFileSync } = require("node:fs");

const file = process.env.BENCH_MEMORY_PROBE_FILE;
if (file && typeof global.gc === "function") {
  process.on("SIGUSR2", () => {
    global.gc();
    const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
    writeFileSync(file, JSON.stringify({ at: Date.now(), rss, heapUsed, external, arrayBuffers }));
  });
}
