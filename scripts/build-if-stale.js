// Runs `next build` when there is no build or a source file is newer than it. Used by `npm start`
// and the browser tests, so a fresh clone and an edited tree both serve current pages.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const SOURCES = ["app", "components", "lib", "next.config.js", "tsconfig.json", "package-lock.json"];

function newestMtime(entry) {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce(
    (newest, name) => Math.max(newest, newestMtime(path.join(entry, name))),
    stat.mtimeMs,
  );
}

export function buildIfStale() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const sourcesChanged = SOURCES.map((entry) => path.join(root, entry))
    .filter(existsSync)
    .reduce((newest, entry) => Math.max(newest, newestMtime(entry)), 0);
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= sourcesChanged) return;
  console.log(existsSync(buildId) ? "Sources changed since the last build; rebuilding…" : "No build yet; building…");
  const result = spawnSync("npx", ["next", "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfStale();
