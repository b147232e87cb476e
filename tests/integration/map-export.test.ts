// The map export (issue 16) over HTTP on the demo board: a marker for every located event of the period
// and none for the others, its notes badge, the handling line, a PNG at twice the size, the chart
// exports' access rule and query checks, and the map page of the briefing PDF.
import { randomUUID } from "node:crypto";
import { JSDOM } from "jsdom";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pngSize } from "@/server/exports/charts/png-size";
import { DEMO_PASSWORD } from "@/server/seed/seed-demo-board";
import { makeAnalyst, signIn } from "../support/factories";
import { joinedSocket, openTestApp, type TestApp } from "../support/open-test-app";

const SLUG = "russia-ukraine-2022-01";
const HANDLING = "UNCLASSIFIED // FOR TRAINING";
const FROM = "2022-01-09T00:00:00Z";
const TO = "2022-01-13T12:00:00Z";

let app: TestApp;
let viewer: string;
let outsider: string;
let unplacedId: string;

beforeAll(async () => {
  app = await openTestApp({ seedDemo: true });
  const board = await app.db.board.update({ where: { slug: SLUG }, data: { handling: HANDLING } });
  const olga = await makeAnalyst(app, { name: "Ольга Петрова" });
  await app.db.membership.create({ data: { boardId: board.id, userId: olga.id, role: "viewer" } });
  viewer = await signIn(app, olga);
  outsider = await signIn(app, await makeAnalyst(app));
  // Through the real write path: an event of the period without a place, and a note on a located one.
  const bob = await joinedSocket(app, { email: "bob@watchfloor.test", password: DEMO_PASSWORD }, board);
  unplacedId = randomUUID();
  const created = await bob.emitWithAck("event:create", {
    id: unplacedId,
    boardId: board.id,
    title: "Unlocated report of a convoy",
    occurredAt: "2022-01-11T06:00:00Z",
    category: "military",
    place: null,
  });
  expect(created.ok).toBe(true);
  const geneva = await app.db.event.findFirstOrThrow({ where: { boardId: board.id, placeLabel: "Geneva" } });
  const noted = await bob.emitWithAck("annotation:create", {
    id: randomUUID(),
    boardId: board.id,
    target: { type: "event", eventId: geneva.id },
    body: "Readout expected tonight.",
  });
  expect(noted.ok).toBe(true);
});

afterAll(() => app?.stop());

const get = (path: string, cookie: string) => fetch(`${app.url}/api/boards/${SLUG}${path}`, { headers: { cookie } });

function parseSvg(svg: string): Document {
  const document = new new JSDOM().window.DOMParser().parseFromString(svg, "image/svg+xml");
  expect(document.getElementsByTagName("parsererror")).toHaveLength(0);
  return document;
}

/** The demo's events as rows, with the notes on each, to check the drawing against. */
async function demoEvents() {
  const events = await app.db.event.findMany({ where: { board: { slug: SLUG } } });
  const notes = await app.db.annotation.groupBy({
    by: ["eventId"],
    where: { eventId: { not: null }, deletedAt: null },
    _count: { _all: true },
  });
  const notesOf = new Map(notes.map((row) => [row.eventId, row._count._all]));
  return events.map((event) => ({ ...event, notes: notesOf.get(event.id) ?? 0 }));
}

const overlapsPeriod = (event: { occurredAt: Date; endsAt: Date | null }) =>
  event.occurredAt.getTime() <= Date.parse(TO) && (event.endsAt ?? event.occurredAt).getTime() >= Date.parse(FROM);

describe("map export", () => {
  it("draws every located event of the period once, and no other, with its notes and the handling line", async () => {
    const response = await get(`/export/map.svg?from=${FROM}&to=${TO}`, viewer);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`${SLUG}-map-\\d{8}T\\d{4}Z\\.svg`));
    const document = parseSvg(await response.text());
    expect(document.documentElement.getAttribute("font-family")).toBe("DejaVu Sans");

    const markers = [...document.querySelectorAll("[data-map-marker]")];
    const drawn = markers.flatMap((marker) => (marker.getAttribute("data-event-ids") ?? "").split(" "));
    const events = await demoEvents();
    const expected = events.filter((event) => event.placeLongitude !== null && overlapsPeriod(event));
    expect(expected.length).toBeGreaterThan(3);
    expect(events.some((event) => event.placeLongitude !== null && !overlapsPeriod(event))).toBe(true);
    expect([...drawn].sort()).toEqual(expected.map((event) => event.id).sort());
    expect(drawn).not.toContain(unplacedId);

    for (const marker of markers) {
      const ids = new Set((marker.getAttribute("data-event-ids") ?? "").split(" "));
      const notes = events.filter((event) => ids.has(event.id)).reduce((sum, event) => sum + event.notes, 0);
      expect(Number(marker.getAttribute("data-notes"))).toBe(notes);
    }
    const geneva = expected.find((event) => event.placeLabel === "Geneva");
    const genevaMarker = markers.find((marker) => marker.getAttribute("data-event-ids")?.includes(geneva?.id ?? "-"));
    expect(Number(genevaMarker?.getAttribute("data-notes"))).toBeGreaterThan(0);

    const texts = [...document.getElementsByTagName("text")].map((text) => text.textContent);
    expect(texts.filter((text) => text === HANDLING)).toHaveLength(2);
    expect(texts).toContain(`Events 2022-01-09 00:00Z – 2022-01-13 12:00Z (UTC) · ${expected.length} on the map`);
    expect(texts.some((text) => text?.startsWith("Exported by Ольга Петрова at "))).toBe(true);
    expect(document.querySelectorAll("path").length).toBeGreaterThan(20);
  });

  it("draws every located event when no period is given", async () => {
    const document = parseSvg(await (await get("/export/map.svg", viewer)).text());
    const drawn = [...document.querySelectorAll("[data-map-marker]")].flatMap((marker) =>
      (marker.getAttribute("data-event-ids") ?? "").split(" "),
    );
    const located = (await demoEvents()).filter((event) => event.placeLongitude !== null);
    expect(drawn.sort()).toEqual(located.map((event) => event.id).sort());
  });

  it("writes a PNG at twice the SVG's size", async () => {
    const svg = parseSvg(await (await get(`/export/map.svg?from=${FROM}`, viewer)).text()).documentElement;
    const response = await get(`/export/map.png?from=${FROM}`, viewer);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(pngSize(Buffer.from(await response.arrayBuffer()))).toEqual({
      width: 2 * Number(svg.getAttribute("width")),
      height: 2 * Number(svg.getAttribute("height")),
    });
  });

  it("is for members only, as the chart export", async () => {
    for (const format of ["svg", "png"]) {
      expect((await get(`/export/map.${format}`, outsider)).status).toBe(404);
      expect((await get(`/export/chart.${format}`, outsider)).status).toBe(404);
      expect((await fetch(`${app.url}/api/boards/${SLUG}/export/map.${format}`)).status).toBe(
        (await fetch(`${app.url}/api/boards/${SLUG}/export/chart.${format}`)).status,
      );
    }
  });

  it("refuses a time that is not an instant and a period that ends before it starts", async () => {
    for (const query of ["from=last%20tuesday", `to=${FROM}&from=${TO}`, "to=2022-13-01T00:00:00Z"]) {
      const response = await get(`/export/map.svg?${query}`, viewer);
      expect(response.status, query).toBe(400);
      expect((await response.json()).error.code).toBe("VALIDATION");
    }
  });
});

describe("briefing PDF", () => {
  async function pdfPages(query: string): Promise<string[]> {
    const response = await get(`/export/briefing.pdf?${query}`, viewer);
    expect(response.status).toBe(200);
    const parser = new PDFParse({ data: Buffer.from(await response.arrayBuffer()) });
    try {
      return (await parser.getText()).pages.map((page) => page.text.replace(/\s+/g, " "));
    } finally {
      await parser.destroy();
    }
  }

  it("has a map page, counting the period's located events", async () => {
    const pages = await pdfPages(`from=${FROM}&to=${TO}`);
    const mapPage = pages.findIndex((page) => page.includes("Map Events of the pack's period with a place"));
    expect(mapPage).toBeGreaterThan(0);
    expect(pages[mapPage]).not.toContain("No event in this period has a place.");
    const events = await demoEvents();
    const inPeriod = events.filter(overlapsPeriod);
    const located = inPeriod.filter((event) => event.placeLongitude !== null);
    expect(pages[mapPage]).toContain(`with a place (${located.length} of ${inPeriod.length})`);
    expect(pages[mapPage]?.split(HANDLING).length).toBeGreaterThanOrEqual(3);
  });
});
