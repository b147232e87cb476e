// Text an analyst may store holds control characters the schema accepts (a vertical tab from Word's
// Shift+Enter, \u0002, a backspace) but XML cannot carry. Every image export and the briefing PDF must
// still be produced, over HTTP, showing the words around those characters and none of the characters.
import { randomUUID } from "node:crypto";
import { JSDOM } from "jsdom";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pngSize } from "@/server/exports/charts/png-size";
import { makeAnalyst, makeBoard, signIn, type TestBoard } from "../support/factories";
import { joinedSocket, openTestApp, type TestApp } from "../support/open-test-app";

// What is stored, and the words a reader should see (whitespace runs read as one space).
const TITLE = "Kyiv\vwatch\u0002 board\b";
const TITLE_SEEN = "Kyiv watch board";
const HANDLING = "UNCLASSIFIED\v// FOR\u0002 TRAINING\b";
const HANDLING_SEEN = "UNCLASSIFIED // FOR TRAINING";
const EVENT_TITLE = "Talks\vin\u0002 Geneva\b";
const EVENT_TITLE_SEEN = "Talks in Geneva";
const PLACE_LABEL = "Ky\biv\u0002\vcentre";
const PLACE_LABEL_SEEN = "Kyiv centre";

/** Any character XML 1.0 refuses (the C0 controls but tab, line feed and carriage return, and U+FFFE/U+FFFF). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these characters are what the files must not hold.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

let app: TestApp;
let board: TestBoard;
let cookie: string;

beforeAll(async () => {
  app = await openTestApp();
  const owner = await makeAnalyst(app, { name: "Ольга Петрова" });
  board = await makeBoard(app, [[owner, "owner"]]);
  cookie = await signIn(app, owner);
  // Stored through the real write paths, which accept these characters.
  const renamed = await fetch(`${app.url}/api/boards/${board.slug}`, {
    method: "PATCH",
    headers: { cookie, "content-type": "application/json", origin: app.url },
    body: JSON.stringify({ title: TITLE, handling: HANDLING }),
  });
  expect(renamed.status).toBe(200);
  const socket = await joinedSocket(app, cookie, board);
  const events = [
    { title: EVENT_TITLE, at: "2022-01-10T10:00:00Z", place: { label: "Geneva", longitude: 6.14, latitude: 46.2 } },
    {
      title: "Convoy seen",
      at: "2022-01-11T06:00:00Z",
      place: { label: PLACE_LABEL, longitude: 30.52, latitude: 50.45 },
    },
    {
      title: "Convoy moves",
      at: "2022-01-12T06:00:00Z",
      place: { label: PLACE_LABEL, longitude: 30.52, latitude: 50.45 },
    },
  ];
  for (const event of events) {
    const created = await socket.emitWithAck("event:create", {
      id: randomUUID(),
      boardId: board.id,
      title: event.title,
      occurredAt: event.at,
      category: "diplomatic",
      place: event.place,
    });
    expect(created.ok).toBe(true);
  }
});

afterAll(() => app?.stop());

async function download(file: string): Promise<Response> {
  const response = await fetch(`${app.url}/api/boards/${board.slug}/export/${file}`, { headers: { cookie } });
  expect(response.status, `${file}: ${response.status === 200 ? "" : await response.clone().text()}`).toBe(200);
  return response;
}

/** The SVG's text elements, each with its whitespace runs as one space; fails on XML a parser refuses. */
async function svgTexts(file: string): Promise<string[]> {
  const svg = await (await download(file)).text();
  expect(svg.match(NOT_XML) ?? []).toEqual([]);
  const document = new new JSDOM().window.DOMParser().parseFromString(svg, "image/svg+xml");
  expect(document.getElementsByTagName("parsererror")).toHaveLength(0);
  return [...document.querySelectorAll("text, title")].map((text) => (text.textContent ?? "").replace(/\s+/g, " "));
}

async function expectPng(file: string): Promise<void> {
  const response = await download(file);
  expect(response.headers.get("content-type")).toBe("image/png");
  expect(pngSize(Buffer.from(await response.arrayBuffer())).width).toBeGreaterThan(0);
}

describe("exports of text holding control characters", () => {
  it("chart.svg shows the title, handling line and event title without them", async () => {
    const texts = await svgTexts("chart.svg");
    expect(texts).toContain(TITLE_SEEN);
    expect(texts.filter((text) => text === HANDLING_SEEN)).toHaveLength(2);
    expect(texts.some((text) => text.includes(EVENT_TITLE_SEEN))).toBe(true);
  });

  it("chart.png is drawn", () => expectPng("chart.png"));

  it("map.svg shows the title, handling line, event title and place label without them", async () => {
    const texts = await svgTexts("map.svg");
    expect(texts).toContain(TITLE_SEEN);
    expect(texts.filter((text) => text === HANDLING_SEEN)).toHaveLength(2);
    expect(texts).toContain(EVENT_TITLE_SEEN);
    expect(texts).toContain(`${PLACE_LABEL_SEEN} · 2 events`);
  });

  it("map.png is drawn", () => expectPng("map.png"));

  it("briefing.pdf is made and reads the same words", async () => {
    const response = await download("briefing.pdf");
    const parser = new PDFParse({ data: Buffer.from(await response.arrayBuffer()) });
    try {
      const { text, pages } = await parser.getText();
      expect(text.match(NOT_XML) ?? []).toEqual([]);
      const words = text.replace(/\s+/g, " ");
      for (const seen of [TITLE_SEEN, HANDLING_SEEN, EVENT_TITLE_SEEN, PLACE_LABEL_SEEN]) expect(words).toContain(seen);
      // The line break the vertical tab stood for stays out of the one-line handling bands at every page's edges.
      for (const page of pages) {
        const lines = page.text.split("\n").map((line) => line.trim());
        expect(lines.filter((line) => line === HANDLING_SEEN).length, `page ${page.num}`).toBeGreaterThanOrEqual(2);
      }
    } finally {
      await parser.destroy();
    }
  });
});
