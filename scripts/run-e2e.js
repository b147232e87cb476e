// Runs the Playwright browser tests against a production build and a fresh embedded database.
// Without a Chromium the tests are skipped loudly — or fail, when REQUIRE_E2E=1 (CI).
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { buildIfStale } from "./build-if-stale.js";
import { findChromium } from "./find-chromium.js";

const root = path.resolve(import.meta.dirname, "..");
const chromium = findChromium();
if (!chromium) {
  const banner = "=".repeat(78);
  console.error(
    `\n${banner}\n BROWSER TESTS SKIPPED: no Chromium found.\n Install one with:  sudo apt-get install -y chromium   (or set CHROMIUM_PATH)\n${banner}\n`,
  );
  process.exit(process.env.REQUIRE_E2E === "1" ? 1 : 0);
}

buildIfStale();
rmSync(path.join(root, ".tmp", "e2e-data"), { recursive: true, force: true });
const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(result.status ?? 1);
