// The board's map in Chromium (issue 16): it opens beside the timeline with the demo events where they
// happened, follows the board's time range, plays it a day at a time, shows a colleague's new and moved
// event live, shows a clicked event on the timeline with its notes, and writes a note on a free point.
import { randomUUID } from "node:crypto";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { demoBoardData } from "../../server/seed/demo-board-data";
import { DEMO_BOARD, demoBoardId, signedInPage, socketOf } from "./support";

type DemoEvent = (typeof demoBoardData.events)[number];
const LOCATED = demoBoardData.events.filter((event) => event.place);
const DEMO_TITLES = new Set(demoBoardData.events.map((event) => event.title));

/** Every event id the map's markers stand for (a cluster stands for several). */
async function mapEventIds(page: Page): Promise<string[]> {
  const lists = await page
    .getByTestId("map")
    .locator("[data-map-marker]")
    .evaluateAll((markers) => markers.map((marker) => marker.getAttribute("data-event-ids") ?? ""));
  return lists.flatMap((list) => list.split(" ").filter(Boolean));
}

/** Title of each event on the timeline, by id (the rows are `event-<id>`). */
async function timelineTitles(page: Page): Promise<Map<string, string>> {
  const rows = await page
    .getByTestId("event")
    .evaluateAll((items) =>
      items.map((item) => [item.id.replace(/^event-/, ""), item.querySelector(".event-title")?.textContent ?? ""]),
    );
  return new Map(rows as [string, string][]);
}

/** Titles of the demo events the map draws now (events other tests added are left out). */
async function demoTitlesOnMap(page: Page, titles: Map<string, string>): Promise<string[]> {
  const shown = (await mapEventIds(page)).map((id) => titles.get(id) ?? `unknown event ${id}`);
  return shown.filter((title) => DEMO_TITLES.has(title)).sort();
}

function overlaps(event: DemoEvent, from: number, to: number): boolean {
  const start = Date.parse(event.occurredAt);
  const end = event.endsAt ? Date.parse(event.endsAt) : start;
  return start <= to && end >= from;
}

function markerOf(page: Page, eventId: string): Locator {
  return page.getByTestId("map").locator(`[data-map-marker][data-event-ids~="${eventId}"]`);
}

async function setRange(page: Page, from: string, to: string) {
  const charts = page.getByRole("region", { name: "Indicators" });
  await charts.getByLabel("From (UTC)").fill(from);
  await charts.getByLabel("From (UTC)").press("Enter");
  await charts.getByLabel("To (UTC)").fill(to);
  await charts.getByLabel("To (UTC)").press("Enter");
}

test("the demo board opens with its events on the map beside the timeline, and the time range hides and shows them", async ({
  browser,
}) => {
  const { context, page } = await signedInPage(browser, "alice@watchfloor.test");
  await page.setViewportSize({ width: 1440, height: 900 });
  const map = page.getByTestId("map");
  await expect(map).toHaveAccessibleName("Map of the events in the time range");
  await expect(map.locator("[data-map-marker]").first()).toBeVisible();

  // Beside the timeline and wholly on screen, with nothing scrolled.
  const mapBox = await map.boundingBox();
  const timelineBox = await page.getByRole("region", { name: "Timeline" }).boundingBox();
  if (!mapBox || !timelineBox) throw new Error("the map or the timeline is not laid out");
  expect(mapBox.x).toBeGreaterThanOrEqual(timelineBox.x + timelineBox.width);
  expect(mapBox.y).toBeLessThan(timelineBox.y + 200);
  expect(mapBox.y + mapBox.height).toBeLessThanOrEqual(900);

  const titles = await timelineTitles(page);
  await expect.poll(() => demoTitlesOnMap(page, titles)).toEqual(LOCATED.map((event) => event.title).sort());
  // Markers are buttons named after what they stand for.
  const genevaId = [...titles].find(([, title]) => title === "US–Russia Strategic Stability Dialogue")?.[0] ?? "";
  await expect(markerOf(page, genevaId)).toHaveAttribute("role", "button");
  // Named after the event it stands for (Vienna's: earlier tests on this shared board add events in Geneva,
  // whose marker then stands for several and is named after the place).
  const viennaId = [...titles].find(([, title]) => title === "OSCE Permanent Council")?.[0] ?? "";
  await expect(markerOf(page, viennaId)).toHaveAccessibleName(/OSCE Permanent Council/);

  // One day, 12 January: the council in Brussels and what spans it; Geneva (the 10th) goes.
  const from = Date.UTC(2022, 0, 12);
  const to = Date.UTC(2022, 0, 12, 23, 59);
  await setRange(page, "2022-01-12T00:00", "2022-01-12T23:59");
  const thatDay = LOCATED.filter((event) => overlaps(event, from, to)).map((event) => event.title);
  expect(thatDay).toContain("NATO–Russia Council session");
  await expect.poll(() => demoTitlesOnMap(page, titles)).toEqual(thatDay.sort());
  await expect(markerOf(page, genevaId)).toHaveCount(0);

  await page.getByRole("region", { name: "Indicators" }).getByRole("button", { name: "All", exact: true }).click();
  await expect.poll(() => demoTitlesOnMap(page, titles)).toEqual(LOCATED.map((event) => event.title).sort());
  await expect(markerOf(page, genevaId)).toHaveCount(1);
  await context.close();
});

test("Play steps the board's range a day at a time and Stop gives the period back", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "alice@watchfloor.test");
  const panel = page.getByTestId("map-panel");
  await setRange(page, "2022-01-10T00:00", "2022-01-13T23:59");
  const from = page.getByRole("region", { name: "Indicators" }).getByLabel("From (UTC)");
  await expect(from).toHaveValue("2022-01-10T00:00");

  await panel.getByRole("button", { name: "Play", exact: true }).click();
  await expect(panel.getByTestId("map-day")).toHaveText("10 Jan · day 1 of 4");
  await expect(page.getByRole("region", { name: "Indicators" }).getByLabel("To (UTC)")).toHaveValue("2022-01-10T23:59");
  await expect(panel.getByTestId("map-day")).toHaveText("11 Jan · day 2 of 4");
  await expect(from).toHaveValue("2022-01-11T00:00");
  await panel.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(panel.getByRole("button", { name: "Resume", exact: true })).toBeVisible();
  await panel.getByRole("button", { name: "Stop", exact: true }).click();
  await expect(from).toHaveValue("2022-01-10T00:00");
  await expect(page.getByRole("region", { name: "Indicators" }).getByLabel("To (UTC)")).toHaveValue("2022-01-13T23:59");
  await expect(panel.getByTestId("map-day")).toHaveCount(0);

  // Played to its end, the period comes back by itself.
  await setRange(page, "2022-01-13T00:00", "2022-01-14T12:00");
  await panel.getByRole("button", { name: "Play", exact: true }).click();
  await expect(panel.getByTestId("map-day")).toHaveText("14 Jan · day 2 of 2");
  await expect(panel.getByRole("button", { name: "Play", exact: true })).toBeVisible();
  await expect(from).toHaveValue("2022-01-13T00:00");
  await context.close();
});

test("an event a colleague adds with a place appears on the map at once, and moves when he moves it", async ({
  browser,
}) => {
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const boardId = await demoBoardId(bob.page);
  const socket = await socketOf(bob.page);
  await socket.emitWithAck("board:join", { boardId });
  const stamp = Date.now();

  // An event without a place first: when the placed one shows, this one has had its chance to be drawn.
  const unplaced = { id: randomUUID(), title: `Statement with no place — ${stamp}` };
  const placed = { id: randomUUID(), title: `Talks in Kyiv — ${stamp}` };
  const create = (
    event: { id: string; title: string },
    place: { label: string; longitude: number; latitude: number } | null,
  ) =>
    socket.emitWithAck("event:create", {
      ...event,
      boardId,
      occurredAt: "2022-01-11T10:00:00.000Z",
      category: "diplomatic",
      place,
    });
  expect((await create(unplaced, null)).ok).toBe(true);
  expect((await create(placed, { label: "Kyiv", longitude: 30.5234, latitude: 50.4501 })).ok).toBe(true);

  const marker = markerOf(alice.page, placed.id);
  await expect(marker).toHaveCount(1);
  await expect(alice.page.getByTestId("event").filter({ hasText: unplaced.title })).toBeVisible();
  await expect(markerOf(alice.page, unplaced.id)).toHaveCount(0);
  const before = await marker.boundingBox();

  const moved = await socket.emitWithAck("event:update", {
    id: placed.id,
    boardId,
    place: { label: "Odesa", longitude: 30.7326, latitude: 46.4775 },
  });
  expect(moved.ok).toBe(true);
  // Odesa is four degrees south of Kyiv: the marker goes down the map.
  await expect.poll(async () => ((await marker.boundingBox())?.y ?? 0) - (before?.y ?? 0)).toBeGreaterThan(20);
  await marker.hover();
  await expect(alice.page.getByTestId("map-card")).toContainText(placed.title);
  await expect(alice.page.getByTestId("map-card")).toContainText("Odesa");
  await expect(alice.page.getByTestId("map-card")).toContainText("2022-01-11 10:00Z");

  socket.disconnect();
  await alice.context.close();
  await bob.context.close();
});

test("clicking a marker shows its event on the timeline, targets the composer at it, and colleagues see who looks", async ({
  browser,
}) => {
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const title = "OSCE Permanent Council";
  const row = alice.page.getByTestId("event").filter({ hasText: title });
  const eventId = ((await row.getAttribute("id")) ?? "").replace(/^event-/, "");
  expect(eventId).not.toBe("");

  await markerOf(alice.page, eventId).click();
  await expect(row).toHaveAttribute("aria-current", "true");
  await expect(row).toBeInViewport();
  await expect(alice.page.getByTestId("composer-target")).toHaveText(new RegExp(title));
  await expect(markerOf(bob.page, eventId)).toHaveAttribute("data-watchers", /Alice Mercer/);
  await expect(bob.page.getByTestId("map-watchers")).toHaveText("AM");

  // From the keyboard: a marker's card opens, Enter shows the event. An event of this test's own, with a
  // note, alone in Warsaw: earlier tests on this shared board may have put more events in the demo's cities.
  const warsawTitle = `Talks in Warsaw — ${Date.now()}`;
  const socket = await socketOf(bob.page);
  const boardId = await demoBoardId(bob.page);
  const warsawId = randomUUID();
  const created = await socket.emitWithAck("event:create", {
    id: warsawId,
    boardId,
    title: warsawTitle,
    occurredAt: "2022-01-11T12:00:00.000Z",
    category: "diplomatic",
    place: { label: "Warsaw", longitude: 21.01178, latitude: 52.22977 },
  });
  expect(created.ok).toBe(true);
  const noted = await socket.emitWithAck("annotation:create", {
    id: randomUUID(),
    boardId,
    target: { type: "event", eventId: warsawId },
    body: "Watch who attends from Minsk.",
  });
  expect(noted.ok).toBe(true);
  socket.disconnect();
  const warsawRow = alice.page.getByTestId("event").filter({ hasText: warsawTitle });
  await expect(markerOf(alice.page, warsawId)).toHaveAttribute("data-event-ids", warsawId);
  await markerOf(alice.page, warsawId).focus();
  await expect(alice.page.getByTestId("map-card")).toContainText(warsawTitle);
  await alice.page.keyboard.press("Enter");
  await expect(warsawRow).toHaveAttribute("aria-current", "true");
  await expect(row).not.toHaveAttribute("aria-current", "true");
  // Its note is brought into view in the annotations panel, while the keys stay on the map and Alice's
  // presence on the event (not on its thread).
  const warsawNote = alice.page
    .getByTestId("annotation")
    .filter({ hasText: `on ${warsawTitle}` })
    .first();
  await expect(warsawNote).toBeInViewport();
  await expect(markerOf(alice.page, warsawId)).toBeFocused();
  await expect(markerOf(bob.page, warsawId)).toHaveAttribute("data-watchers", /Alice Mercer/);
  await alice.context.close();
  await bob.context.close();
});

/** A spot on the map at least 40 pixels from every marker and clear of the zoom buttons. */
async function openGround(page: Page): Promise<{ x: number; y: number }> {
  const map = page.getByTestId("map");
  const frame = await map.boundingBox();
  if (!frame) throw new Error("the map is not laid out");
  const centres = await map.locator("[data-map-marker]").evaluateAll((markers) =>
    markers.map((marker) => {
      const box = marker.getBoundingClientRect();
      return [box.x + box.width / 2, box.y + box.height / 2];
    }),
  );
  for (let y = frame.y + frame.height * 0.3; y < frame.y + frame.height - 20; y += 15) {
    for (let x = frame.x + 60; x < frame.x + frame.width - 20; x += 15) {
      if (centres.every(([cx = 0, cy = 0]) => Math.hypot(cx - x, cy - y) > 40)) return { x, y };
    }
  }
  throw new Error("no open ground on the map");
}

test("a note on a free point of the map is written on a place, and pinned there on a colleague's map", async ({
  browser,
}) => {
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const panel = bob.page.getByTestId("map-panel");
  await expect(panel.locator("[data-map-marker]").first()).toBeVisible();
  await panel.getByRole("button", { name: "Annotate a point", exact: true }).click();
  await expect(panel.getByRole("button", { name: "Annotate a point", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  const spot = await openGround(bob.page);
  await bob.page.mouse.click(spot.x, spot.y);

  const coordinates = /^\d{1,2}\.\d\d° [NS], \d{1,3}\.\d\d° [EW]$/;
  const label = panel.getByRole("textbox", { name: "Name of the point" });
  await expect(label).toHaveValue(coordinates);
  await expect(bob.page.getByTestId("map-point")).toBeVisible();
  const placeName = `Crossing point ${Date.now()}`;
  await label.fill(placeName);
  await label.press("Enter");
  await expect(bob.page.getByTestId("composer-target")).toContainText(placeName);

  const body = `Convoys reported here overnight — ${Date.now()}`;
  await bob.page.getByRole("textbox", { name: "Annotation", exact: true }).fill(body);
  await bob.page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(bob.page.getByTestId("annotation").filter({ hasText: body })).toContainText(placeName);

  const response = await bob.page.request.get(`/api${DEMO_BOARD}/annotations`);
  const { annotations } = (await response.json()) as {
    annotations: { body: string; target: { type: string; lon?: number; lat?: number; label?: string } }[];
  };
  const note = annotations.find((annotation) => annotation.body === body);
  expect(note?.target).toMatchObject({ type: "place", label: placeName });
  expect(Math.abs(note?.target.lon ?? 999)).toBeLessThanOrEqual(180);
  expect(Math.abs(note?.target.lat ?? 999)).toBeLessThanOrEqual(90);

  // Alice's map pins it where Bob clicked (both pages lay the map out alike), and the pin opens the thread.
  const pin = alice.page.getByRole("button", { name: `Note on ${placeName}` });
  await expect(pin).toBeVisible();
  const pinBox = await pin.boundingBox();
  const aliceMap = await alice.page.getByTestId("map").boundingBox();
  const bobMap = await bob.page.getByTestId("map").boundingBox();
  if (!pinBox || !aliceMap || !bobMap) throw new Error("the pin or a map is not laid out");
  expect(Math.abs(pinBox.x + pinBox.width / 2 - aliceMap.x - (spot.x - bobMap.x))).toBeLessThan(4);
  expect(Math.abs(pinBox.y + pinBox.height / 2 - aliceMap.y - (spot.y - bobMap.y))).toBeLessThan(4);
  await pin.click();
  await expect(alice.page.getByTestId("annotation").filter({ hasText: body })).toBeInViewport();
  await alice.context.close();
  await bob.context.close();
});

/** The event id of the timeline row with this title. */
async function eventIdOf(page: Page, title: string): Promise<string> {
  const id = await page.getByTestId("event").filter({ hasText: title }).first().getAttribute("id");
  return (id ?? "").replace(/^event-/, "");
}

test("after a drag, Enter on a marker shows its event; the timeline's highlight goes when the composer leaves it", async ({
  browser,
}) => {
  const alice = await signedInPage(browser, "alice@watchfloor.test");
  const page = alice.page;
  const title = "OSCE Permanent Council";
  const row = page.getByTestId("event").filter({ hasText: title });
  const eventId = await eventIdOf(page, title);
  await expect(markerOf(page, eventId)).toHaveCount(1);

  const spot = await openGround(page);
  await page.mouse.move(spot.x, spot.y);
  await page.mouse.down();
  await page.mouse.move(spot.x + 30, spot.y + 10, { steps: 5 });
  await page.mouse.up();
  await markerOf(page, eventId).focus();
  await page.keyboard.press("Enter");
  await expect(row).toHaveAttribute("aria-current", "true");

  await page.getByRole("button", { name: "annotate the board instead" }).click();
  await expect(page.getByTestId("composer-target")).not.toHaveText(new RegExp(title));
  await expect(row).not.toHaveAttribute("aria-current", "true");
  await alice.context.close();
});

test("by keyboard: the zoom buttons come before the markers, the markers are one tab stop, a card's Close gives the focus back, and Enter picks the map's centre", async ({
  browser,
}) => {
  const bob = await signedInPage(browser, "bob@watchfloor.test");
  const page = bob.page;
  const map = page.getByTestId("map");
  await expect(map.locator("[data-map-marker]").first()).toBeVisible();
  await map.focus();
  await page.keyboard.press("Tab");
  await expect(map.getByRole("button", { name: "Zoom in" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(map.getByRole("button", { name: "Zoom out" })).toBeFocused();
  await page.keyboard.press("Tab");
  const focusedMarker = map.locator("[data-map-marker]:focus");
  await expect(focusedMarker).toHaveCount(1);
  const first = await focusedMarker.getAttribute("data-map-marker");
  await page.keyboard.press("ArrowRight");
  await expect(focusedMarker).toHaveCount(1);
  expect(await focusedMarker.getAttribute("data-map-marker")).not.toBe(first);
  await page.keyboard.press("Tab");
  await expect(map.locator("[data-map-marker]:focus")).toHaveCount(0);

  // Zoomed out, close events merge; Enter on the cluster pins its card, and Close returns to the marker.
  for (let step = 0; step < 3; step++) await map.getByRole("button", { name: "Zoom out" }).click();
  const cluster = map.locator('[data-map-marker][data-event-ids*=" "]').first();
  await cluster.focus();
  await page.keyboard.press("Enter");
  const card = page.getByTestId("map-card");
  await expect(card.getByRole("button", { name: "Close" })).toBeVisible();
  await card.getByRole("button", { name: "Close" }).focus();
  await page.keyboard.press("Enter");
  // Back on its marker, the card shows as for any focused marker, no longer pinned.
  await expect(cluster).toBeFocused();
  await expect(card.getByRole("button", { name: "Close" })).toHaveCount(0);

  const annotate = page.getByTestId("map-panel").getByRole("button", { name: "Annotate a point", exact: true });
  await annotate.focus();
  await page.keyboard.press("Enter");
  await expect(map).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(annotate).toHaveAttribute("aria-pressed", "false");
  await annotate.focus();
  await page.keyboard.press("Enter");
  await expect(map).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("textbox", { name: "Name of the point" })).toHaveValue(
    /^\d{1,2}\.\d\d° [NS], \d{1,3}\.\d\d° [EW]$/,
  );
  await expect(annotate).toHaveAttribute("aria-pressed", "false");
  await bob.context.close();
});
