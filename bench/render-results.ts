// Regenerates docs/BENCHMARKS.md from several result files of bench/run.ts, for when scenarios were run
// one at a time (say, each on a quiet machine):
//   npx tsx bench/render-results.ts bench/results/A.json bench/results/B.json …
// Each scenario is taken from the last file that ran it, and its section says which run that was.
import { readFile } from "node:fs/promises";
import type { BenchRun } from "./report";
import type { ScenarioResult } from "./scenarios/common";
import { writeBenchmarksDoc } from "./support/write-benchmarks-doc";

const files = process.argv.slice(2);
if (!files.length) throw new Error("usage: npx tsx bench/render-results.ts RESULT.json [RESULT.json …]");
const runs = await Promise.all(files.map(async (file) => JSON.parse(await readFile(file, "utf8")) as BenchRun));

const chosen = new Map<string, { scenario: ScenarioResult; run: BenchRun }>();
for (const run of runs) {
  if (run.quick) throw new Error(`${run.date} is a quick (smoke) run, not a measurement`);
  for (const scenario of run.scenarios) {
    if (scenario.status === "ran" || !chosen.has(scenario.id)) chosen.set(scenario.id, { scenario, run });
  }
}
const latest = runs.reduce((newest, run) => (run.date > newest.date ? run : newest));
const picked = [...chosen.values()];
await writeBenchmarksDoc({
  ...latest,
  // The header claims the profiler only when every run had it; profiled scenarios show their profile tables.
  profiled: picked.every(({ run }) => run.profiled),
  scenarios: picked.map(({ scenario }) => scenario),
  scenarioDates: Object.fromEntries(picked.map(({ scenario, run }) => [scenario.id, run.date])),
});
console.error(`[bench] wrote docs/BENCHMARKS.md from ${files.length} result files`);
