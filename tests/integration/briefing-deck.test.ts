// The briefing deck (.pptx) of the demo board, unzipped and read part by part: the slides in their
// order, the chart pictures and their speaker notes, the handling line on every slide, and the package
// rules PowerPoint's validator enforces (unique shape ids per slide, resolved relationships, every part
// typed, well-formed XML). Also who may export it and which query it refuses.
import path from "node:path";
import { JSDOM } from "jsdom";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildChartFigureModel } from "@/lib/charts/chart-model";
import type { BoardSnapshot } from "@/lib/schemas/board";
import { LIMITS } from "@/lib/schemas/common";
import type { Actor } from "@/server/actor";
import { readBoardSnapshotJson } from "@/server/boards/read-board-snapshot-json";
import { AppError } from "@/server/errors";
import { dateAxis } from "@/server/exports/deck/chart-slides";
import { exportBriefingDeck } from "@/server/exports/deck/export-briefing-deck";
import { DEMO_PASSWORD } from "@/server/seed/seed-demo-board";
import { makeAnalyst, signIn } from "../support/factories";
import { openTestApp, type TestApp } from "../support/open-test-app";

const DEMO_SLUG = "russia-ukraine-2022-01";
const HANDLING = "UNCLASSIFIED // FOR TRAINING";
const EXPORTED_AT = new Date("2022-01-10T12:00:00Z");

let app: TestApp;
let viewer: Actor;
let boardId: string;
let indicators: { id: string; name: string }[];

beforeAll(async () => {
  app = await openTestApp({ seedDemo: true });
  const board = await app.db.board.update({
    where: { slug: DEMO_SLUG },
    data: { handling: HANDLING },
    include: { indicators: { orderBy: { createdAt: "asc" } } },
  });
  boardId = board.id;
  indicators = board.indicators.map(({ id, name }) => ({ id, name }));
  const olga = await makeAnalyst(app, { name: "Ольга Петрова" });
  await app.db.membership.create({ data: { boardId: board.id, userId: olga.id, role: "viewer" } });
  viewer = { id: olga.id, name: olga.name, email: olga.email };
});

afterAll(() => app?.stop());

const deck = (query: Record<string, string> = {}, actor: Actor = viewer) =>
  exportBriefingDeck({ db: app.db, workers: app.workers, actor, slug: DEMO_SLUG, query, now: EXPORTED_AT });

const parser = new new JSDOM().window.DOMParser();

function parseXml(text: string, part: string): Document {
  const document = parser.parseFromString(text, "application/xml");
  expect(document.getElementsByTagName("parsererror"), `${part} is well-formed XML`).toHaveLength(0);
  return document;
}

/** A .pptx opened: its parts, and each slide in presentation order with what hangs off it. */
type Deck = {
  zip: JSZip;
  xml: (part: string) => Promise<Document>;
  slides: { part: string; document: Document; text: string; related: Map<string, string> }[];
};

async function openDeck(bytes: Buffer): Promise<Deck> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = async (part: string) => {
    const file = zip.file(part);
    if (!file) throw new Error(`no part ${part}`);
    return parseXml(await file.async("string"), part);
  };
  const presentation = await xml("ppt/presentation.xml");
  const presentationRels = await relationships(zip, "ppt/presentation.xml");
  const slides = [];
  for (const slideId of presentation.getElementsByTagName("p:sldId")) {
    const part = presentationRels.get(slideId.getAttribute("r:id") ?? "")?.target ?? "";
    const document = await xml(part);
    const related = new Map([...(await relationships(zip, part)).values()].map(({ type, target }) => [type, target]));
    slides.push({ part, document, text: textOf(document), related });
  }
  return { zip, xml, slides };
}

/** A part's relationships by id: the type's last word ("slideLayout", "image", "notesSlide") and the resolved target. */
async function relationships(
  zip: JSZip,
  part: string,
): Promise<Map<string, { type: string; target: string; external: boolean }>> {
  const relsPart = path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);
  const file = zip.file(relsPart);
  const found = new Map<string, { type: string; target: string; external: boolean }>();
  if (!file) return found;
  for (const relationship of parseXml(await file.async("string"), relsPart).getElementsByTagName("Relationship")) {
    const target = relationship.getAttribute("Target") ?? "";
    const external = relationship.getAttribute("TargetMode") === "External";
    found.set(relationship.getAttribute("Id") ?? "", {
      type: (relationship.getAttribute("Type") ?? "").split("/").at(-1) ?? "",
      target:
        external || target.startsWith("/")
          ? target.replace(/^\//, "")
          : path.posix.join(path.posix.dirname(part), target),
      external,
    });
  }
  return found;
}

/** The text runs of a part, paragraphs joined by spaces. */
function textOf(document: Document): string {
  return [...document.getElementsByTagName("a:p")]
    .map((paragraph) => [...paragraph.getElementsByTagName("a:t")].map((run) => run.textContent).join(""))
    .join(" ")
    .replace(/\s+/g, " ");
}

/** What a slide is, read from its heading: the first text of the slide. */
function headingOf(slide: Deck["slides"][number]): string {
  return slide.document.getElementsByTagName("a:t")[0]?.textContent ?? "";
}

/**
 * The package rules: every part typed in [Content_Types].xml, every XML part well-formed, every
 * relationship (the package's own _rels/.rels included) resolved to a part, every override naming one.
 */
async function checkPackage(deck: Deck): Promise<void> {
  const parts = Object.values(deck.zip.files)
    .filter((file) => !file.dir)
    .map((file) => file.name);
  const partSet = new Set(parts);
  const types = await deck.xml("[Content_Types].xml");
  const defaults = new Set(
    [...types.getElementsByTagName("Default")].map((entry) => entry.getAttribute("Extension")?.toLowerCase()),
  );
  const overrides = new Set([...types.getElementsByTagName("Override")].map((entry) => entry.getAttribute("PartName")));
  for (const part of parts) {
    if (part === "[Content_Types].xml") continue;
    const extension = part.split(".").at(-1)?.toLowerCase();
    expect(overrides.has(`/${part}`) || defaults.has(extension), `content type of ${part}`).toBe(true);
    if (/\.(xml|rels)$/.test(part)) await deck.xml(part);
    if (!part.endsWith(".rels")) continue;
    // "ppt/slides/_rels/slide1.xml.rels" → "ppt/slides/slide1.xml"; the package's own "_rels/.rels" → "".
    const source = part.replace(/_rels\/([^/]*)\.rels$/, "$1");
    for (const { target, external } of (await relationships(deck.zip, source)).values()) {
      if (!external) expect(partSet.has(target), `${part} → ${target}`).toBe(true);
    }
  }
  // Overrides name parts that exist.
  for (const name of overrides) expect(partSet.has(name?.slice(1) ?? ""), `override ${name}`).toBe(true);
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function demoSnapshot(): Promise<BoardSnapshot> {
  return JSON.parse((await readBoardSnapshotJson({ db: app.db, boardId })).snapshot.text) as BoardSnapshot;
}

describe("the briefing deck's slides", () => {
  let opened: Deck;
  let filename: string;
  let contentType: string;

  beforeAll(async () => {
    const file = await deck();
    filename = file.filename;
    contentType = file.contentType;
    opened = await openDeck(file.body);
  });

  it("comes as a PowerPoint file named after the board and the export time", () => {
    expect(contentType).toBe("application/vnd.openxmlformats-officedocument.presentationml.presentation");
    expect(filename).toBe(`${DEMO_SLUG}-briefing-20220110T1200Z.pptx`);
  });

  it("runs title, one chart per indicator, map, timeline, assessments, sources, in that order", () => {
    const headings = opened.slides.map(headingOf);
    const sections = headings.map((heading) => {
      if (heading === "BRIEFING") return "title";
      if (indicators.some((indicator) => indicator.name === heading)) return `chart:${heading}`;
      return heading.replace(/ \(\d+ of \d+\)$/, "");
    });
    const collapsed = sections.filter((section, index) => section !== sections[index - 1]);
    expect(collapsed).toEqual([
      "title",
      ...indicators.map((indicator) => `chart:${indicator.name}`),
      "Map",
      "Timeline",
      "Key assessments",
      "Sources",
    ]);
  });

  it("stamps the title slide with the date-time group, the period, the handling line and the exporter", () => {
    const title = opened.slides[0]?.text ?? "";
    expect(title).toContain("101200ZJAN22");
    expect(title).toMatch(/Period \d{4}-\d\d-\d\d \d\d:\d\dZ – \d{4}-\d\d-\d\d \d\d:\d\dZ \(UTC\)/);
    expect(title).toContain(HANDLING);
    expect(title).toContain("Ольга Петрова");
  });

  it("gives every chart slide the rendered picture and the annotations' notes as speaker notes", async () => {
    const model = buildChartFigureModel(await demoSnapshot());
    const chartSlides = opened.slides.filter((slide) => indicators.some((i) => i.name === headingOf(slide)));
    expect(chartSlides).toHaveLength(model.panels.length);
    let notesChecked = 0;
    for (const [index, slide] of chartSlides.entries()) {
      const panel = model.panels[index];
      const picture = slide.document.getElementsByTagName("p:pic")[0];
      const embed = picture?.getElementsByTagName("a:blip")[0]?.getAttribute("r:embed") ?? "";
      const image = (await relationships(opened.zip, slide.part)).get(embed);
      expect(image?.type, `picture on ${slide.part}`).toBe("image");
      const png = await opened.zip.file(image?.target ?? "")?.async("nodebuffer");
      expect(png?.subarray(1, 4).toString("latin1")).toBe("PNG");

      const notesPart = slide.related.get("notesSlide");
      expect(notesPart, `notes of ${slide.part}`).toBeDefined();
      const notes = textOf(await opened.xml(notesPart ?? ""));
      for (const marker of panel?.markers ?? []) {
        expect(notes).toContain(`${marker.key} `);
        expect(notes).toContain(marker.annotation.body.replace(/\s+/g, " "));
        notesChecked++;
      }
    }
    // The demo annotates its indicators, so the loop above checked real notes.
    expect(notesChecked).toBeGreaterThan(2);
  });

  it("carries the handling line on every slide, from the slide or its layout or master", async () => {
    for (const slide of opened.slides) {
      const layout = slide.related.get("slideLayout") ?? "";
      const master = [...(await relationships(opened.zip, layout)).values()].find((r) => r.type === "slideMaster");
      const texts = [slide.text, textOf(await opened.xml(layout)), textOf(await opened.xml(master?.target ?? ""))];
      expect(
        texts.some((text) => text.includes(HANDLING)),
        `handling line on ${slide.part}`,
      ).toBe(true);
    }
  });

  it("gives no two shapes of a slide, layout, master or notes page the same id", async () => {
    const parts = Object.keys(opened.zip.files).filter((name) =>
      /^ppt\/(slides|slideLayouts|slideMasters|notesSlides)\/[^/]+\.xml$/.test(name),
    );
    expect(parts.length).toBeGreaterThan(opened.slides.length);
    for (const part of parts) {
      const shapes = (await opened.xml(part)).getElementsByTagName("p:cNvPr");
      const ids = [...shapes].map((shape) => shape.getAttribute("id"));
      expect(ids.length).toBeGreaterThan(0);
      expect(new Set(ids).size, `shape ids on ${part}: ${ids.join(",")}`).toBe(ids.length);
    }
  });

  it("resolves every relationship to a part, types every part, and parses every XML part", async () => {
    await checkPackage(opened);
  });

  it("checks the package's own relationships too: a root relationship to a missing part fails the check", async () => {
    const zip = await JSZip.loadAsync(await opened.zip.generateAsync({ type: "nodebuffer" }));
    const rootRels = (await zip.file("_rels/.rels")?.async("string")) ?? "";
    expect(rootRels).toContain('Target="ppt/presentation.xml"');
    zip.file("_rels/.rels", rootRels.replace('Target="ppt/presentation.xml"', 'Target="ppt/missing.xml"'));
    const broken = { ...opened, zip };
    await expect(checkPackage(broken)).rejects.toThrow("_rels/.rels → ppt/missing.xml");
  });
});

describe("what goes in", () => {
  it("leaves out the assessments not chosen, says so when none are, and takes all of them on `all`", async () => {
    const assessments = await app.db.annotation.findMany({
      where: { boardId, kind: "assessment", deletedAt: null },
      orderBy: { createdAt: "asc" },
    });
    expect(assessments.length).toBeGreaterThan(2);
    const [chosen, ...others] = assessments;
    const sectionText = async (query: Record<string, string>) =>
      (await openDeck((await deck(query)).body)).slides
        .filter((slide) => headingOf(slide).startsWith("Key assessments"))
        .map((slide) => slide.text)
        .join(" ");
    const text = await sectionText({ assessments: chosen?.id ?? "" });
    expect(text).toContain(chosen?.body.replace(/\s+/g, " "));
    for (const other of others) expect(text).not.toContain(other.body.replace(/\s+/g, " "));
    expect(await sectionText({ assessments: "" })).toContain("No assessments were chosen.");

    // "all" is every assessment on the board, even about something outside the period; without the
    // parameter the deck keeps to what the period covers, as the PDF does.
    const period = { from: "2022-01-12T00:00:00Z", to: "2022-01-14T00:00:00Z" };
    const all = await sectionText({ ...period, assessments: "all" });
    for (const assessment of assessments) expect(all).toContain(assessment.body.replace(/\s+/g, " "));
    const covered = await sectionText(period);
    expect(assessments.filter((assessment) => covered.includes(assessment.body)).length).toBeLessThan(
      assessments.length,
    );

    // "all" with `except` is every assessment but those: the dialog's short form when most are ticked.
    const allBut = await sectionText({ assessments: "all", except: chosen?.id ?? "" });
    expect(allBut).not.toContain(chosen?.body.replace(/\s+/g, " "));
    for (const other of others) expect(allBut).toContain(other.body.replace(/\s+/g, " "));
  });

  it("keeps every part well-formed when stored text holds control characters XML cannot carry", async () => {
    // ZText stores these: Word's Shift+Enter pastes a vertical tab, other programs leave C0 controls.
    const model = buildChartFigureModel(await demoSnapshot());
    const marker = model.panels.flatMap((panel) => panel.markers)[0]?.annotation;
    const assessment = await app.db.annotation.findFirstOrThrow({ where: { boardId, kind: "assessment" } });
    const event = await app.db.event.findFirstOrThrow({ where: { boardId, placeLabel: { not: null } } });
    const source = await app.db.source.findFirstOrThrow({ where: { boardId } });
    expect(marker).toBeDefined();
    const saved = {
      marker: marker?.body ?? "",
      assessment: assessment.body,
      place: event.placeLabel,
      source: source.title,
    };
    await app.db.annotation.update({ where: { id: marker?.id }, data: { body: "Marker note\vafter a soft break" } });
    await app.db.annotation.update({
      where: { id: assessment.id },
      data: { body: "Judgement line\vsecond line\fthird" },
    });
    await app.db.event.update({ where: { id: event.id }, data: { placeLabel: "Kharkiv\u0002 outskirts" } });
    await app.db.source.update({ where: { id: source.id }, data: { title: "Cable\b with a backspace" } });
    await app.db.board.update({ where: { id: boardId }, data: { handling: "UNCLASSIFIED\u001B // CONTROL TEST" } });
    try {
      const opened = await openDeck((await deck({ assessments: "all" })).body);
      await checkPackage(opened);
      const text = opened.slides.map((slide) => slide.text).join(" ");
      expect(text).toMatch(/Judgement line second line third/);
      expect(text).toContain("Kharkiv outskirts");
      expect(text).toContain("Cable with a backspace");
      expect(opened.slides[0]?.text).toContain("UNCLASSIFIED // CONTROL TEST");
      const notes = await Promise.all(
        opened.slides
          .map((slide) => slide.related.get("notesSlide"))
          .filter((part): part is string => part !== undefined)
          .map(async (part) => textOf(await opened.xml(part))),
      );
      expect(notes.join(" ")).toContain("Marker note after a soft break");
    } finally {
      await app.db.annotation.update({ where: { id: marker?.id }, data: { body: saved.marker } });
      await app.db.annotation.update({ where: { id: assessment.id }, data: { body: saved.assessment } });
      await app.db.event.update({ where: { id: event.id }, data: { placeLabel: saved.place } });
      await app.db.source.update({ where: { id: source.id }, data: { title: saved.source } });
      await app.db.board.update({ where: { id: boardId }, data: { handling: HANDLING } });
    }
  }, 120_000);

  it("leaves the editable chart out, and says so in the notes, for a period no date axis can show", async () => {
    const opened = await openDeck((await deck({ from: "1000-01-01T00:00:00Z", to: "9999-12-31T23:59:59Z" })).body);
    const chartParts = Object.keys(opened.zip.files).filter((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name));
    expect(chartParts).toEqual([]);
    const chartSlides = opened.slides.filter((slide) => indicators.some((i) => i.name === headingOf(slide)));
    expect(chartSlides).toHaveLength(indicators.length);
    for (const slide of chartSlides) {
      expect(slide.text).toContain("No editable chart");
      const notes = textOf(await opened.xml(slide.related.get("notesSlide") ?? ""));
      expect(notes).toContain("The editable line chart is left out: the period spans more than five years");
    }
    // The demo's own period keeps its editable charts, on an axis within spreadsheet dates.
    const demo = await openDeck((await deck()).body);
    const axes = Object.keys(demo.zip.files).filter((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name));
    expect(axes.length).toBe(indicators.length);
    for (const part of axes) {
      const dateAxisXml = (await demo.xml(part)).getElementsByTagName("c:dateAx")[0];
      const value = (tag: string) => Number(dateAxisXml?.getElementsByTagName(tag)[0]?.getAttribute("val"));
      expect(value("c:min")).toBeGreaterThanOrEqual(1);
      // A legible number of ticks over the period (the old fixed 7-day ticks gave 400,000 over 1000–9999).
      const unit = dateAxisXml?.getElementsByTagName("c:majorTimeUnit")[0]?.getAttribute("val") ?? "days";
      const unitDays = { days: 1, months: 30.4, years: 365.25 }[unit] ?? Number.NaN;
      expect((value("c:max") - value("c:min")) / (value("c:majorUnit") * unitDays)).toBeLessThanOrEqual(12);
    }
  }, 120_000);

  it("continues a long sources list on further slides, each source once", async () => {
    const titles = Array.from({ length: 40 }, (_, index) => `Deck test cable ${String(index).padStart(2, "0")}`);
    await app.db.source.createMany({
      data: titles.map((title) => ({
        id: crypto.randomUUID(),
        boardId,
        title,
        publisher: "Embassy",
        reliability: "B",
      })),
    });
    try {
      const slides = (await openDeck((await deck()).body)).slides.filter((slide) =>
        headingOf(slide).startsWith("Sources"),
      );
      expect(slides.length).toBeGreaterThan(1);
      expect(slides.map(headingOf)[0]).toBe(`Sources (1 of ${slides.length})`);
      const text = slides.map((slide) => slide.text).join(" ");
      for (const title of titles) expect(text.split(title).length - 1, title).toBe(1);
    } finally {
      await app.db.source.deleteMany({ where: { title: { in: titles } } });
    }
  });
});

describe("who may export the deck, and what query it refuses", () => {
  let alice: string;
  let outsiderCookie: string;
  const get = (query: string, cookie: string) =>
    fetch(`${app.url}/api/boards/${DEMO_SLUG}/export/briefing.pptx${query}`, { headers: { cookie } });

  beforeAll(async () => {
    alice = await signIn(app, { email: "alice@watchfloor.test", password: DEMO_PASSWORD });
    outsiderCookie = await signIn(app, await makeAnalyst(app));
  });

  it("lets a viewer export it, and answers NOT_FOUND to someone not on the board, as the PDF does", async () => {
    expect((await deck()).body.length).toBeGreaterThan(1000);
    const outsider = await makeAnalyst(app);
    expect((await rejection(deck({}, { id: outsider.id, name: outsider.name, email: outsider.email }))).code).toBe(
      "NOT_FOUND",
    );
  });

  it("downloads over HTTP for a member with its type and file name, 404 for an outsider", async () => {
    const member = await get("", alice);
    expect(member.status).toBe(200);
    expect(member.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    );
    expect(member.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="${DEMO_SLUG}-briefing-\\d{8}T\\d{4}Z\\.pptx"$`),
    );
    expect((await member.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect((await get("", outsiderCookie)).status).toBe(404);
  });

  it("answers 400 to unknown indicators or assessments, a note passed as an assessment, and bad times", async () => {
    const note = await app.db.annotation.findFirstOrThrow({ where: { boardId, kind: "note" } });
    const unknown = "00000000-0000-4000-8000-000000000000";
    for (const query of [
      `?indicators=${unknown}`,
      `?assessments=${unknown}`,
      `?assessments=${note.id}`,
      "?assessments=not-an-id",
      `?except=${note.id}`,
      `?assessments=${unknown}&except=${note.id}`,
      "?assessments=all&except=not-an-id",
      "?from=last%20tuesday",
      "?from=2022-01-10T00:00:00Z&to=2022-01-01T00:00:00Z",
    ]) {
      const response = await get(query, alice);
      expect(response.status, query).toBe(400);
      expect((await response.json()).error.code, query).toBe("VALIDATION");
    }
  });

  it("reaches the route with the longest lists it takes, and refuses a longer one as VALIDATION, not 431", async () => {
    const ids = (count: number) => Array.from({ length: count }, () => crypto.randomUUID());
    const longest = new URLSearchParams({ assessments: "all", except: ids(LIMITS.deckAssessmentIds).join(",") });
    expect((await get(`?${longest}`, alice)).status).toBe(200);
    const tooLong: Record<string, string>[] = [
      { assessments: "all", except: ids(LIMITS.deckAssessmentIds + 1).join(",") },
      { assessments: ids(LIMITS.deckAssessmentIds + 1).join(",") },
    ];
    for (const query of tooLong) {
      const response = await get(`?${new URLSearchParams(query)}`, alice);
      expect(response.status).toBe(400);
      expect(JSON.stringify((await response.json()).error)).toContain(`at most ${LIMITS.deckAssessmentIds}`);
    }
  }, 120_000);
});

describe("the editable chart's date axis", () => {
  const day = (iso: string) => Date.parse(iso);

  it("scales its ticks to the span: days, weeks, months, quarters, years", () => {
    const ticks = (from: string, to: string) => {
      const axis = dateAxis([day(from), day(to)], [day(from)]);
      return "leftOut" in axis ? axis.leftOut : `${axis.tickStep} ${axis.tickUnit}`;
    };
    expect(ticks("2022-01-10T00:00Z", "2022-01-15T00:00Z")).toBe("1 days");
    expect(ticks("2022-01-01T00:00Z", "2022-02-10T00:00Z")).toBe("7 days");
    expect(ticks("2022-01-01T00:00Z", "2022-09-01T00:00Z")).toBe("1 months");
    expect(ticks("2022-01-01T00:00Z", "2023-12-01T00:00Z")).toBe("3 months");
    expect(ticks("2020-01-01T00:00Z", "2024-06-01T00:00Z")).toBe("1 years");
  });

  it("keeps the axis within spreadsheet dates and leaves out what it cannot show", () => {
    const late = dateAxis([day("1899-12-20T00:00Z"), day("1900-02-01T00:00Z")], [day("1900-01-05T00:00Z")]);
    expect(late).toMatchObject({ min: 1 });
    const early = dateAxis([day("1899-12-20T00:00Z"), day("1900-02-01T00:00Z")], [day("1899-12-25T00:00Z")]);
    expect(early).toEqual({ leftOut: expect.stringContaining("before 1900") });
    const whole = dateAxis([day("1000-01-01T00:00Z"), day("9999-12-31T23:59Z")], [day("2022-01-10T00:00Z")]);
    expect(whole).toEqual({ leftOut: expect.stringContaining("more than five years") });
  });
});
