// Writes docs/BENCHMARKS.md from a run (or several merged: bench/render-results.ts), with the hand-written
// account of where the time went before and after (bench/before-and-after.md) after the tables.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { type BenchRun, renderMarkdown } from "../report";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIOME = path.join(ROOT, "node_modules/@biomejs/biome/bin/biome");
const EPILOGUE = path.join(ROOT, "bench/before-and-after.md");

export async function writeBenchmarksDoc(run: BenchRun): Promise<string> {
  const epilogue = existsSync(EPILOGUE) ? (await readFile(EPILOGUE, "utf8")).trim() : undefined;
  const markdown = renderMarkdown({ ...run, epilogue });
  await writeFile(path.join(ROOT, "docs/BENCHMARKS.md"), markdown);
  // The table is committed; format it as the linter expects (aligned columns), so `npm run check` passes.
  await promisify(execFile)(process.execPath, [BIOME, "format", "--write", "docs/BENCHMARKS.md"], { cwd: ROOT });
  return markdown;
}
