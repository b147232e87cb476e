// The production build of the pages and what it was made from. `npm run build` builds and records a
// fingerprint of the page sources; `npm start`, the browser tests and the cluster demo compare it with
// the sources in the tree. The fingerprint hashes file contents, not modification times: a fresh clone,
// a checkout or `npm prune --omit=dev` (which rewrites package-lock.json) must not make a build look
// stale, and any edit to a page source must.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/** What `next build` reads: the pages and everything they import (they import nothing from server/). */
const PAGE_SOURCES = ["app", "components", "lib", "public", "next.config.js", "tsconfig.json", "tsconfig.build.json"];
const FINGERPRINT_FILE = path.join(root, ".next", "watchfloor-sources.json");

function filesUnder(entry) {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry)
    .sort()
    .flatMap((name) => filesUnder(path.join(entry, name)));
}

/** SHA-256 over the page sources (path and content) and the versions of the dependencies they build with. */
export function pageSourcesFingerprint() {
  const hash = createHash("sha256");
  for (const file of PAGE_SOURCES.flatMap((entry) => filesUnder(path.join(root, entry)))) {
    hash.update(`${path.relative(root, file)}\0`);
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  const { dependencies } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  hash.update(JSON.stringify(dependencies));
  return hash.digest("hex");
}

/** "current", "missing" (never built) or "stale" (built from other sources). */
export function pageBuildState() {
  if (!existsSync(path.join(root, ".next", "BUILD_ID")) || !existsSync(FINGERPRINT_FILE)) return "missing";
  const recorded = JSON.parse(readFileSync(FINGERPRINT_FILE, "utf8")).sources;
  return recorded === pageSourcesFingerprint() ? "current" : "stale";
}

/** Runs `next build` (type-checking the application only: tsconfig.build.json) and records its sources. */
export function buildPages() {
  const sources = pageSourcesFingerprint();
  const result = spawnSync("npx", ["next", "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(FINGERPRINT_FILE, `${JSON.stringify({ sources, builtAt: new Date().toISOString() })}\n`);
}

/** For a development checkout (`npm start`, the browser tests): build when there is no current build. */
export function buildIfStale() {
  const state = pageBuildState();
  if (state === "current") return;
  console.log(state === "missing" ? "No build yet; building…" : "Sources changed since the last build; rebuilding…");
  buildPages();
}
