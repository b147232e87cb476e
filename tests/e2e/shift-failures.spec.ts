// The shift's pages when the server does not answer, and the as-of view kept apart from the live board
// (issue 19): a failed "what changed" or inbox load says why and is asked again, never a dead panel; the
// board as of an instant shows no live handover, triage bar, warnings or search.
import { expect, type Page, test } from "@playwright/test";
import { DEMO_BOARD, signedInPage } from "./support";

const DOWN = { code: "UNAVAILABLE", message: "The database is not answering" };

/** Answers every request matching `pattern` with 503 until the returned function is called; counts them. */
async function failRequests(page: Page, pattern: string) {
  let failed = 0;
  const handler = async (route: import("@playwright/test").Route) => {
    failed++;
    await route.fulfill({ status: 503, json: { error: DOWN } });
  };
  await page.route(pattern, handler);
  return { count: () => failed, restore: () => page.unroute(pattern, handler) };
}

test("a failed 'what changed' load is named, asked again, and clears once it answers", async ({ browser }) => {
  const { page } = await signedInPage(browser, "alice@watchfloor.test");
  const changes = await failRequests(page, "**/api/boards/*/changes**");
  await page.reload();
  const problem = page.getByTestId("shift-load-problem");
  await expect(problem).toContainText("could not be loaded");
  await expect(problem).toContainText(DOWN.message);
  // Asked again without the analyst doing anything.
  await expect.poll(changes.count).toBeGreaterThan(1);
  await changes.restore();
  await problem.getByRole("button", { name: "Retry now" }).click();
  await expect(problem).toHaveCount(0);
  await expect(page.getByTestId("unread-total")).toBeVisible();
});

test("the home inbox names a failed load and loads on Try again", async ({ browser }) => {
  const { page } = await signedInPage(browser, "alice@watchfloor.test", "/");
  const inbox = await failRequests(page, "**/api/inbox");
  await page.reload();
  const problem = page.getByTestId("inbox-problem");
  await expect(problem).toContainText(DOWN.message);
  await inbox.restore();
  await problem.getByRole("button", { name: "Try again" }).click();
  await expect(problem).toHaveCount(0);
  await expect(page.getByTestId("inbox")).not.toContainText("Loading");
});

test("a failed as-of load says why and loads on Try again", async ({ browser }) => {
  const { page } = await signedInPage(browser, "alice@watchfloor.test");
  const snapshot = await failRequests(page, "**/api/boards/*/snapshot?**");
  const instant = new Date(Date.now() - 60_000).toISOString();
  await page.goto(`${DEMO_BOARD}?asOf=${encodeURIComponent(instant)}`);
  const banner = page.getByTestId("as-of-banner");
  await expect(banner).toContainText(DOWN.message);
  await snapshot.restore();
  await banner.getByRole("button", { name: "Try again" }).click();
  // Answered now: the board as it stood, or the server's reason it cannot show it (history not kept).
  await expect(banner).not.toContainText(DOWN.message);
  await expect(banner).not.toContainText("loading");
});

test("the board as of an instant shows no live handover, triage keys, warnings or search", async ({ browser }) => {
  const { page } = await signedInPage(browser, "alice@watchfloor.test");
  // Live first: the parts that must go are there (so their absence below is not a wrong locator).
  await expect(page.getByTestId("shift-bar")).toBeVisible();
  await expect(page.getByLabel("Search this board")).toBeVisible();

  const instant = new Date(Date.now() - 60_000).toISOString();
  await page.goto(`${DEMO_BOARD}?asOf=${encodeURIComponent(instant)}`);
  // Barrier: the page has drawn the as-of view (the banner comes in the same render as the bar would).
  await expect(page.getByTestId("as-of-banner")).toBeVisible();
  await expect(page.getByTestId("shift-bar")).toHaveCount(0);
  await expect(page.getByTestId("handover")).toHaveCount(0);
  await expect(page.getByLabel("Search this board")).toHaveCount(0);
  // "?" opens no key list: the triage keys act on the live board, not on the one shown.
  await page.locator("body").press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard" })).toHaveCount(0);

  await page.getByRole("button", { name: "Back to live" }).click();
  await expect(page.getByTestId("shift-bar")).toBeVisible();
  await expect(page.getByLabel("Search this board")).toBeVisible();
});
