// The flags Debian's Chromium needs here (no sandbox as root, no GPU, no network side traffic), shared
// by the browser tests (playwright.config.ts) and the bench's board-load scenario.
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
