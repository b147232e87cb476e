// The benchmark suite at tiny sizes, so it cannot rot: every scenario it ran produced numbers. It asserts
// no speed — docs/BENCHMARKS.md is where speed is judged, by a full `npx tsx bench/run.ts`.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { BenchRun } from "../../bench/report";
import type { ScenarioResult } from "../../bench/scenarios/common";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("the benchmark suite", () => {
  it("runs every scenario at quick sizes and reports a number for each measure", { timeout: 600_000 }, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "bench-smoke-"));
    const file = path.join(dir, "run.json");
    try {
      await promisify(execFile)(
        process.execPath,
        ["--import", "tsx", "bench/run.ts", "--quick", "--profile", "--json", file],
        {
          cwd: ROOT,
          env: process.env,
          timeout: 590_000,
        },
      );
      const run = JSON.parse(await readFile(file, "utf8")) as BenchRun;
      // Two nodes needs Redis, which a machine may lack: then it must say so rather than fail.
      const twoNodes = run.scenarios.find((scenario) => scenario.id === "two-nodes");
      if (twoNodes?.status !== "ran") expect(twoNodes?.notes.join("\n")).toMatch(/Redis/);
      // Click to screen needs Chromium and a `.next` build (a fresh clone has one once the browser tests ran).
      const clickToScreen = run.scenarios.find((scenario) => scenario.id === "click-to-screen");
      if (clickToScreen?.status === "ran") expect(clickToScreen.notes.join("\n")).not.toMatch(/not measured/i);
      else expect(clickToScreen?.notes.join("\n")).toMatch(/^Not run: no (Chromium|`\.next` build)/);
      // Document open too; when it ran, every load drew its highlights.
      const documentOpen = run.scenarios.find((scenario) => scenario.id === "document-open");
      if (documentOpen?.status === "ran") expect(documentOpen.notes.join("\n")).not.toMatch(/no highlight drawn/);
      else expect(documentOpen?.notes.join("\n")).toMatch(/^Not run: no (Chromium|`\.next` build)/);
      const optional = [twoNodes, clickToScreen, documentOpen];
      const ran = run.scenarios.filter((scenario) => scenario.status === "ran" && !optional.includes(scenario));
      expect(ran.map((scenario) => scenario.id)).toEqual([
        "fan-out",
        "throughput",
        "catch-up",
        "connections",
        "board-load",
        "fan-out-exporting",
        "reanchor",
        "extraction",
        "map-and-deck",
        "fan-out-slides",
        "changes",
        "as-of",
      ]);
      // Board load checks the snapshot it timed was the whole board, and says so in a note when not.
      const boardLoad = ran.find((scenario) => scenario.id === "board-load");
      expect(boardLoad?.notes.join("\n")).not.toMatch(/incomplete|The page showed/);
      for (const scenario of [
        ...ran,
        ...optional.filter((scenario): scenario is ScenarioResult => scenario?.status === "ran"),
      ]) {
        expect(scenario.rows.length).toBeGreaterThan(0);
        for (const row of scenario.rows) {
          expect(Number.isFinite(row.watchfloor), `${scenario.id}: ${row.metric}`).toBe(true);
          if (row.baseline !== null)
            expect(Number.isFinite(row.baseline), `${scenario.id}: ${row.metric} baseline`).toBe(true);
        }
        for (const usage of Object.values(scenario.usage)) expect(Number.isFinite(usage.server.cpuPercent)).toBe(true);
        // --profile: every scenario's Watchfloor server left a CPU profile that was summarized.
        expect(scenario.profiles?.[0]?.busyMs, `${scenario.id}: profile`).toBeGreaterThan(0);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
