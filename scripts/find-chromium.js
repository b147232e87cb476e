// Finds a Chromium for the browser tests without ever downloading one: CHROMIUM_PATH, Debian's
// /usr/bin/chromium, or one Playwright installed earlier.
import { existsSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ];
  const playwrightCache = path.join(os.homedir(), ".cache", "ms-playwright");
  if (existsSync(playwrightCache)) {
    for (const dir of readdirSync(playwrightCache)
      .filter((name) => name.startsWith("chromium-"))
      .sort()
      .reverse()) {
      candidates.push(
        path.join(playwrightCache, dir, "chrome-linux", "chrome"),
        path.join(playwrightCache, dir, "chrome-linux64", "chrome"),
      );
    }
  }
  return candidates.find((candidate) => candidate && existsSync(candidate)) ?? null;
}
