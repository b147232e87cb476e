// The board as it stood at an instant, in the browser (issue 19): Alice writes a note, picks an instant
// before it and sees the board without it, read-only under a banner, with exports that carry the
// instant; Back to live brings the note and the composer back. And the timeline's order switch.
// The demo board is shared with the other specs: only what this spec writes is counted.
import { expect, type Page, test } from "@playwright/test";
import { DEMO_BOARD, signedInPage } from "./support";

/**
 * A whole second (the field takes seconds) from which the demo board's history is kept. A board older
 * than checkpoints keeps its history from the first as-of read on (docs/http-api.md): one is made first,
 * then the clock is let pass the next whole second, which is the instant returned.
 */
async function instantFromWhichHistoryIsKept(page: Page): Promise<string> {
  const now = new Date().toISOString();
  const read = await page.request.get(`/api/boards/russia-ukraine-2022-01/snapshot?asOf=${encodeURIComponent(now)}`);
  // Answered, or refused as before the history kept: either way, from now on it is kept.
  expect([200, 400]).toContain(read.status());
  const instant = Math.ceil(Date.now() / 1000) * 1000;
  await expect.poll(() => Date.now()).toBeGreaterThan(instant);
  return new Date(instant).toISOString();
}

test("Alice sees the board as it stood before her note, read-only, exports it, and goes back to live", async ({
  browser,
}) => {
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const { page } = alice;
  const before = await instantFromWhichHistoryIsKept(page);
  const body = `Before this instant nothing was said of Belgorod — ${Date.now()}`;
  await page.getByRole("textbox", { name: "Annotation", exact: true }).fill(body);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  const note = page.getByTestId("annotation").filter({ hasText: body });
  await expect(note).toBeVisible();

  await page.getByText("As of…").click();
  await page.getByLabel("Show the board as it stood at (UTC)").fill(before.slice(0, 19));
  await page.getByRole("button", { name: "Show", exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`asOf=${encodeURIComponent(before)}`));
  const banner = page.getByTestId("as-of-banner");
  await expect(banner).toContainText("Viewing the board as it stood at");
  await expect(banner).toContainText("read-only");
  await expect(banner).toContainText("Z");
  // Barrier: the old snapshot has arrived (the banner stops loading and the older notes are shown) before
  // the note's absence is asserted.
  await expect(banner).not.toContainText("loading");
  await expect(page.getByTestId("annotation").first()).toBeVisible();
  await expect(note).toHaveCount(0);

  // Every way to write is gone, as for a viewer.
  await expect(page.getByRole("textbox", { name: "Annotation", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "+ Add event" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^(Edit|Delete)$/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Annotate/ })).toHaveCount(0);
  await expect(page.getByLabel(/^Annotate a point of /)).toHaveCount(0);

  await page.screenshot({ path: "/tmp/helper-d/as-of-view.png", fullPage: false });

  // The exports carry the instant, and answer.
  await page.locator("details.export-menu > summary").click();
  for (const [name, type] of [
    ["Charts (PNG)", "image/png"],
    ["Briefing pack (PDF)", "application/pdf"],
  ] as const) {
    const href = await page.getByRole("link", { name }).getAttribute("href");
    expect(href).toContain(`asOf=${encodeURIComponent(before)}`);
    const download = await page.request.get(href ?? "");
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toContain(type);
  }

  await banner.getByRole("button", { name: "Back to live" }).click();
  await expect(banner).toHaveCount(0);
  await expect(page).not.toHaveURL(/asOf=/);
  await expect(note).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Annotation", exact: true })).toBeVisible();
  await expect(page.getByTestId("connection")).toHaveText("Live");
  await alice.context.close();
});

test("a shared as-of link opens the board as it stood, and a future one says why it cannot", async ({ browser }) => {
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const { page } = bob;
  const at = await instantFromWhichHistoryIsKept(page);
  await page.goto(`${DEMO_BOARD}?asOf=${encodeURIComponent(at)}`);
  const shown = new Date(at);
  const hhmmss = at.slice(11, 19);
  await expect(page.getByTestId("as-of-banner")).toContainText(`${shown.getUTCDate()} `);
  await expect(page.getByTestId("as-of-banner")).toContainText(`${hhmmss}Z`);
  await expect(page.getByTestId("as-of-banner")).not.toContainText("loading");
  // The board of then is shown, not an error: the demo's events are there, and no composer.
  await expect(page.getByTestId("event").first()).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Annotation", exact: true })).toHaveCount(0);

  await page.getByText(/^As of /).click();
  const future = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 16);
  await page.getByLabel("Show the board as it stood at (UTC)").fill(future);
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "in the future" })).toBeVisible();
  await bob.context.close();
});

/** Each shown event's happened and logged instants (ms), in the timeline's order. */
async function timelineTimes(page: Page): Promise<{ title: string; happened: number; logged: number }[]> {
  return page.getByTestId("event").evaluateAll((rows) =>
    rows.map((row) => ({
      title: row.querySelector(".event-title")?.textContent ?? "",
      happened: Date.parse(row.querySelector('[title="When it happened"] time')?.getAttribute("datetime") ?? ""),
      logged: Date.parse(row.querySelector('[data-testid="event-logged"] time')?.getAttribute("datetime") ?? ""),
    })),
  );
}

const ascending = (values: number[]) =>
  values.every((value, index) => (values[index - 1] ?? Number.NEGATIVE_INFINITY) <= value);

test("the timeline shows when each event was logged and orders by happened or logged", async ({ browser }) => {
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const { page } = bob;
  // Reported late: it happened before every demo event, and is logged after all of them.
  const title = `Late report of a rail move — ${Date.now()}`;
  const timeline = page.getByRole("region", { name: "Timeline" });
  await timeline.getByRole("button", { name: "+ Add event" }).click();
  const form = page.getByRole("form", { name: "Add event" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("When (UTC)").fill("2021-11-01T06:00");
  await form.getByRole("button", { name: "Add event" }).click();
  const added = page.getByTestId("event").filter({ hasText: title });
  await expect(added.getByTestId("event-logged")).toContainText(/logged \d{4}-\d{2}-\d{2} \d{2}:\d{2}Z/);

  const happened = await timelineTimes(page);
  expect(ascending(happened.map((event) => event.happened))).toBe(true);
  await timeline.getByRole("radio", { name: "logged" }).check();
  await expect(page.getByTestId("event").last()).toContainText(title);
  const logged = await timelineTimes(page);
  expect(ascending(logged.map((event) => event.logged))).toBe(true);
  expect(logged.findIndex((event) => event.title === title)).toBeGreaterThan(
    happened.findIndex((event) => event.title === title),
  );
  await timeline.getByRole("radio", { name: "happened" }).check();
  await expect(page.getByTestId("event").filter({ hasText: title })).toBeVisible();
  expect(ascending((await timelineTimes(page)).map((event) => event.happened))).toBe(true);
  await bob.context.close();
});
