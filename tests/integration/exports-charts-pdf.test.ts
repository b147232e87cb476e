// Chart images (SVG, PNG) and the briefing PDF, exported from the demo board by a member whose name
// is in Cyrillic, on a board with a handling line.
import { JSDOM } from "jsdom";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/actor";
import { createAnnotation } from "@/server/annotations/create-annotation";
import { reviseSource } from "@/server/documents/revise-source";
import { AppError } from "@/server/errors";
import { BRIEFING_QUOTE_LIMIT } from "@/server/exports/briefing/briefing-passage";
import { exportBriefingPdf } from "@/server/exports/briefing-pdf";
import { exportChart } from "@/server/exports/chart-image";
import { pngSize } from "@/server/exports/charts/png-size";
import { makeAnalyst } from "../support/factories";
import { openTestApp, type TestApp } from "../support/open-test-app";

const DEMO_SLUG = "russia-ukraine-2022-01";
const HANDLING = "UNCLASSIFIED // FOR TRAINING";
const EXPORTED_AT = new Date("2022-01-15T10:30:00Z");

let app: TestApp;
let exporter: Actor;
let boardTitle: string;
let indicators: { id: string; color: string }[];

beforeAll(async () => {
  app = await openTestApp({ seedDemo: true });
  const board = await app.db.board.update({
    where: { slug: DEMO_SLUG },
    data: { handling: HANDLING },
    include: { indicators: { orderBy: { createdAt: "asc" } } },
  });
  boardTitle = board.title;
  indicators = board.indicators.map(({ id, color }) => ({ id, color }));
  const olga = await makeAnalyst(app, { name: "Ольга Петрова" });
  await app.db.membership.create({ data: { boardId: board.id, userId: olga.id, role: "viewer" } });
  exporter = { id: olga.id, name: olga.name, email: olga.email };
});

afterAll(() => app?.stop());

const chart = (format: "svg" | "png", query: Record<string, string> = {}, actor: Actor = exporter) =>
  exportChart({ db: app.db, workers: app.workers, actor, slug: DEMO_SLUG, query, format, now: EXPORTED_AT });

function parseSvg(svg: string): Document {
  const document = new new JSDOM().window.DOMParser().parseFromString(svg, "image/svg+xml");
  expect(document.getElementsByTagName("parsererror")).toHaveLength(0);
  return document;
}

async function pdfText(pdf: Buffer): Promise<{ pages: string[]; text: string }> {
  const parser = new PDFParse({ data: pdf });
  try {
    const result = await parser.getText();
    const squash = (text: string) => text.replace(/\s+/g, " ");
    return { pages: result.pages.map((page) => squash(page.text)), text: squash(result.text) };
  } finally {
    await parser.destroy();
  }
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("chart export", () => {
  it("writes a well-formed SVG with one series per chosen indicator, the title, handling line and exporter", async () => {
    const chosen = indicators.slice(0, 2);
    const file = await chart("svg", { indicators: chosen.map((indicator) => indicator.id).join(",") });
    expect(file.contentType).toBe("image/svg+xml; charset=utf-8");
    expect(file.filename).toBe(`${DEMO_SLUG}-chart-20220115T1030Z.svg`);

    const svg = file.body.toString("utf8");
    const document = parseSvg(svg);
    const root = document.documentElement;
    expect(root.namespaceURI).toBe("http://www.w3.org/2000/svg");
    expect(root.getAttribute("font-family")).toBe("DejaVu Sans");
    const series = [...document.querySelectorAll("path.recharts-line-curve")];
    expect(series.map((path) => path.getAttribute("stroke"))).toEqual(chosen.map((indicator) => indicator.color));
    for (const path of series) expect(path.getAttribute("d")).toMatch(/^M[\d.]+,[\d.]+L/);

    const texts = [...document.getElementsByTagName("text")].map((text) => text.textContent);
    expect(texts).toContain(boardTitle);
    expect(texts.filter((text) => text === HANDLING)).toHaveLength(2);
    expect(texts).toContain("Exported by Ольга Петрова at 2022-01-15 10:30Z");
    // A file has no stylesheet: a CSS variable would leave the chart without colours.
    expect(svg).not.toContain("var(--");
  });

  it("draws the time range asked for, and leaves no browser globals behind in the server", async () => {
    const file = await chart("svg", { from: "2022-01-05T00:00:00Z", to: "2022-01-14T00:00:00Z" });
    const texts = [...parseSvg(file.body.toString("utf8")).getElementsByTagName("text")].map(
      (text) => text.textContent,
    );
    expect(texts).toContain("Indicators · 2022-01-05 00:00Z – 2022-01-14 00:00Z (UTC)");
    expect(texts).not.toContain("1 Nov");
    expect(typeof (globalThis as { window?: unknown }).window).toBe("undefined");
    expect(typeof (globalThis as { document?: unknown }).document).toBe("undefined");
  });

  it("writes a PNG at twice the SVG's size", async () => {
    const svg = parseSvg((await chart("svg")).body.toString("utf8")).documentElement;
    const png = await chart("png");
    expect(png.contentType).toBe("image/png");
    expect(png.filename).toBe(`${DEMO_SLUG}-chart-20220115T1030Z.png`);
    expect(pngSize(png.body)).toEqual({
      width: 2 * Number(svg.getAttribute("width")),
      height: 2 * Number(svg.getAttribute("height")),
    });
  });

  it("refuses an unknown indicator, a time that is not an instant, and a range that ends before it starts", async () => {
    const unknownIndicator = await rejection(chart("svg", { indicators: crypto.randomUUID() }));
    expect(unknownIndicator.code).toBe("VALIDATION");
    expect(unknownIndicator.issues?.[0]?.path).toEqual(["indicators"]);
    expect((await rejection(chart("png", { indicators: "not-an-id" }))).code).toBe("VALIDATION");
    expect((await rejection(chart("svg", { from: "last tuesday" }))).code).toBe("VALIDATION");
    const backwards = await rejection(chart("svg", { from: "2022-01-10T00:00:00Z", to: "2022-01-01T00:00:00Z" }));
    expect(backwards.code).toBe("VALIDATION");
  });
});

describe("briefing PDF", () => {
  it("holds the cover, the handling line on every page, annotations, source grades and the Cyrillic exporter", async () => {
    const file = await exportBriefingPdf({
      db: app.db,
      workers: app.workers,
      actor: exporter,
      slug: DEMO_SLUG,
      query: {},
      now: EXPORTED_AT,
    });
    expect(file.contentType).toBe("application/pdf");
    expect(file.filename).toBe(`${DEMO_SLUG}-briefing-20220115T1030Z.pdf`);
    expect(file.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const { pages, text } = await pdfText(file.body);
    expect(pages.length).toBeGreaterThan(1);
    for (const [index, page] of pages.entries()) {
      expect(page.split(HANDLING).length - 1, `handling lines on page ${index + 1}`).toBeGreaterThanOrEqual(2);
    }
    expect(pages[0]).toContain(boardTitle);
    expect(pages[0]).toContain("Prepared by Ольга Петрова");
    expect(text).toContain("briefing exported by Ольга Петрова at 2022-01-15 10:30Z");

    const warning = await app.db.annotation.findFirstOrThrow({
      where: { kind: "warning", board: { slug: DEMO_SLUG } },
    });
    expect(text).toContain(warning.body.replace(/\s+/g, " "));
    const assessment = await app.db.annotation.findFirstOrThrow({ where: { kind: "assessment", confidence: "high" } });
    expect(text).toContain("Assessment (high confidence)");
    expect(text).toContain(assessment.body.replace(/\s+/g, " "));

    const cited = await app.db.observation.findFirstOrThrow({
      where: { sourceId: { not: null }, indicator: { board: { slug: DEMO_SLUG } } },
      include: { source: true },
    });
    const sourcesPage = pages.find((page) => page.includes("Sources Reliability of the source"));
    expect(sourcesPage).toContain(`${cited.source?.reliability} – `);
    expect(sourcesPage).toContain(`${cited.sourceReliability}${cited.infoCredibility}`);
  });

  it("covers only the chosen indicators and time range", async () => {
    const [troops] = indicators;
    const file = await exportBriefingPdf({
      db: app.db,
      workers: app.workers,
      actor: exporter,
      slug: DEMO_SLUG,
      query: { indicators: troops?.id ?? "", from: "2022-01-09T00:00:00Z", to: "2022-01-14T23:59:59Z" },
      now: EXPORTED_AT,
    });
    const { text } = await pdfText(file.body);
    expect(text).toContain("Indicators 1 chart");
    expect(text).toContain("US–Russia Strategic Stability Dialogue");
    expect(text).not.toContain("Biden–Putin video call");
  });
});

describe("a passage note in the briefing", () => {
  /** The demo report's assessment on a passage, whose quote the seed keeps in DEMO_REPORT_QUOTES. */
  const briefingText = async () => {
    const file = await exportBriefingPdf({
      db: app.db,
      workers: app.workers,
      actor: exporter,
      slug: DEMO_SLUG,
      query: {},
      now: EXPORTED_AT,
    });
    return (await pdfText(file.body)).text;
  };

  it("prints the quote in quotation marks between what the note is on and the note", async () => {
    const note = await app.db.annotation.findFirstOrThrow({
      where: { board: { slug: DEMO_SLUG }, kind: "assessment", targetType: "source_span" },
      include: { source: true },
    });
    const text = await briefingText();
    const on = text.indexOf(`On a passage of ${note.source?.title}`);
    const quote = text.indexOf(`“${note.quoteExact}”`);
    const body = text.indexOf(note.body.replace(/\s+/g, " "));
    expect(on).toBeGreaterThan(-1);
    expect(quote).toBeGreaterThan(on);
    expect(body).toBeGreaterThan(quote);
    // Nothing printed between the three but the note's lead line.
    expect(text.slice(on, body)).toMatch(
      /^On a passage of [^“]*“[^”]*” Assessment \(high confidence\) · [^·]+ · [^·]+ $/,
    );
  });

  it("shortens a long quote at a word, and says when the passage is lost in the current version", async () => {
    const board = await app.db.board.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
    const alice = await app.db.user.findUniqueOrThrow({ where: { email: "alice@watchfloor.test" } });
    const actor = { id: alice.id, name: alice.name, email: alice.email };
    const long = `Officials in Kyiv said ${"the battalion groups rotated through the training grounds again, ".repeat(6)}and nobody could say where the last ones went.`;
    const text = `Opening line of the cable. ${long} Closing line of the cable.`;
    const sourceId = crypto.randomUUID();
    await app.db.source.create({
      data: {
        id: sourceId,
        boardId: board.id,
        title: "Cable 9",
        currentVersion: 1,
        versions: { create: { id: crypto.randomUUID(), version: 1, text, format: "text" } },
      },
    });
    const start = text.indexOf(long);
    await createAnnotation({
      domain: app.domain,
      actor,
      input: {
        id: crypto.randomUUID(),
        boardId: board.id,
        kind: "assessment",
        confidence: "low",
        target: { type: "source-span", sourceId, version: 1, start, end: start + long.length, exact: long },
        body: "The rotation is cover for a build-up.",
      },
    });
    await reviseSource({
      domain: app.domain,
      actor,
      input: { boardId: board.id, id: sourceId, basedOnVersion: 1, text: "Opening line of the cable. Closing line." },
    });

    const printed = await briefingText();
    const shown = printed.match(/On a passage of Cable 9 “([^”]*)”/)?.[1] ?? "";
    expect(long.length).toBeGreaterThan(BRIEFING_QUOTE_LIMIT);
    expect(shown.length).toBeLessThanOrEqual(BRIEFING_QUOTE_LIMIT);
    expect(shown.length).toBeGreaterThan(BRIEFING_QUOTE_LIMIT - 20);
    // The quote's start, up to the end of a whole word, then an ellipsis.
    expect(shown.endsWith("…")).toBe(true);
    expect(long.startsWith(`${shown.slice(0, -1)} `)).toBe(true);
    expect(printed).toContain(`${shown}” (no longer found in version 2) Assessment (low confidence)`);
  });
});

describe("who may export", () => {
  it("answers NOT_FOUND to someone who is not a member of the board, for every format", async () => {
    const outsider = await makeAnalyst(app);
    for (const format of ["svg", "png"] as const) {
      expect((await rejection(chart(format, {}, outsider))).code).toBe("NOT_FOUND");
    }
    const pdf = exportBriefingPdf({ db: app.db, workers: app.workers, actor: outsider, slug: DEMO_SLUG, query: {} });
    expect((await rejection(pdf)).code).toBe("NOT_FOUND");
  });
});
