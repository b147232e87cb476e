// The benchmark suite (docs/BENCHMARKS.md):
//   npx tsx bench/run.ts [--quick] [--only <scenario>[,<scenario>…]] [--profile] [--json <file>]
// Writes bench/results/<date>.json and regenerates docs/BENCHMARKS.md; with --json, writes only that file
// (the smoke test uses it so a tiny run never overwrites real numbers). --profile has every Watchfloor
// server write a V8 CPU profile and puts a summary of it under each scenario.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type BenchRun, renderMarkdown } from "./report";
import { runAsOf } from "./scenarios/as-of";
import { runBoardLoad } from "./scenarios/board-load";
import { runCatchUp } from "./scenarios/catch-up";
import { runChanges } from "./scenarios/changes";
import { runClickToScreen } from "./scenarios/click-to-screen";
import { type BenchContext, notRunResult, type ScenarioResult } from "./scenarios/common";
import { runConnections } from "./scenarios/connections";
import { runDocumentOpen } from "./scenarios/document-open";
import { runExtraction } from "./scenarios/extraction";
import { runFanOut } from "./scenarios/fan-out";
import { runFanOutExporting } from "./scenarios/fan-out-exporting";
import { runFanOutSlides, runMapAndDeck } from "./scenarios/map-and-deck";
import { runReanchor } from "./scenarios/reanchor";
import { runThroughput } from "./scenarios/throughput";
import { runTwoNodes } from "./scenarios/two-nodes";
import { summarizeProfiles } from "./support/cpu-profile";
import { scratchDatabase, withClient } from "./support/scratch-database";
import { writeBenchmarksDoc } from "./support/write-benchmarks-doc";

const ROOT = path.resolve(import.meta.dirname, "..");

const SCENARIOS: Record<string, (context: BenchContext) => Promise<ScenarioResult>> = {
  "fan-out": runFanOut,
  throughput: runThroughput,
  "catch-up": runCatchUp,
  connections: runConnections,
  "board-load": runBoardLoad,
  "two-nodes": runTwoNodes,
  "click-to-screen": runClickToScreen,
  "fan-out-exporting": runFanOutExporting,
  reanchor: runReanchor,
  "document-open": runDocumentOpen,
  extraction: runExtraction,
  "map-and-deck": runMapAndDeck,
  "fan-out-slides": runFanOutSlides,
  changes: runChanges,
  "as-of": runAsOf,
};

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    profile: { type: "boolean", default: false },
    json: { type: "string" },
  },
});
const only = values.only ? new Set(values.only.split(",")) : null;
for (const id of only ?? []) {
  if (!SCENARIOS[id]) throw new Error(`--only takes scenarios among ${Object.keys(SCENARIOS).join(", ")}`);
}
const log = (message: string) => console.error(`[bench] ${message}`);

const database = await scratchDatabase();
const scenarios: ScenarioResult[] = [];
let postgres = "unknown";
try {
  const context: BenchContext = { databaseUrl: database.url, quick: values.quick, log };
  for (const [id, run] of Object.entries(SCENARIOS)) {
    if (only && !only.has(id)) continue;
    log(`scenario ${id}`);
    const profileDir = values.profile ? await mkdtemp(path.join(os.tmpdir(), `watchfloor-profile-${id}-`)) : null;
    if (profileDir) process.env.BENCH_CPU_PROFILE_DIR = profileDir;
    // One scenario failing must not cost the others' numbers: it is reported as not run, with why.
    const result = await run(context).catch((error: unknown) => {
      log(`scenario ${id} failed: ${String(error)}`);
      return notRunResult(id, id, `Failed in this run: ${String(error).slice(0, 300)}`);
    });
    if (profileDir) {
      delete process.env.BENCH_CPU_PROFILE_DIR;
      result.profiles = await summarizeProfiles(profileDir);
      await rm(profileDir, { recursive: true, force: true });
    }
    scenarios.push(result);
  }
  postgres = await withClient(
    database.url,
    async (client) => (await client.query<{ version: string }>("SELECT version()")).rows[0]?.version ?? "unknown",
  );
} finally {
  await database.dispose();
}

const cpus = os.cpus();
const run: BenchRun = {
  date: new Date().toISOString(),
  quick: values.quick,
  profiled: values.profile,
  machine: {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cpuCount: cpus.length,
    totalMemoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: postgres.split(" on ")[0] ?? postgres,
    database: database.kind === "embedded" ? "embedded PostgreSQL in a temp dir" : "TEST_DATABASE_URL's server",
  },
  scenarios,
};
const json = `${JSON.stringify(run, null, 2)}\n`;
if (values.json) {
  await writeFile(values.json, json);
} else {
  await mkdir(path.join(ROOT, "bench/results"), { recursive: true });
  const file = path.join(ROOT, "bench/results", `${run.date.slice(0, 19).replaceAll(":", "-")}.json`);
  await writeFile(file, json);
  await writeBenchmarksDoc(run);
  log(`wrote ${path.relative(ROOT, file)} and docs/BENCHMARKS.md`);
}
console.log(renderMarkdown(run));
process.exit(0);
