// Exports of the board as it stood at an instant (issue 19), over HTTP against the real server: a chart,
// map, briefing PDF or deck asked `asOf` an instant before a note, event or figure was written lacks it and
// says "As known at …" where the live one does not; the query is checked as the live export's; strangers
// get 404 as for the live export; the row exports refuse asOf.
import { randomUUID } from "node:crypto";
import JSZip from "jszip";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoard } from "@/server/boards/create-board";
import { makeAnalyst, signIn, type TestAnalyst, type TestSocket } from "../support/factories";
import { connectedSocket, openTestApp, type TestApp } from "../support/open-test-app";

let app: TestApp;
let owner: TestAnalyst;
let ownerCookie: string;
let strangerCookie: string;
let socket: TestSocket;
let slug: string;
/** The database's clock between the first writes and the later ones. */
let then: string;
/** An assessment written before `then` and deleted after it. */
const earlyAssessmentId = randomUUID();

async function ok<T extends { ok: boolean }>(answer: Promise<T>): Promise<T> {
  const result = await answer;
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result;
}

async function databaseNow(): Promise<string> {
  const [row] = await app.db.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`;
  if (!row) throw new Error("no clock");
  return row.now.toISOString();
}

beforeAll(async () => {
  app = await openTestApp({ seedDemo: false });
  owner = await makeAnalyst(app, { name: "Olga Owner" });
  const stranger = await makeAnalyst(app);
  [ownerCookie, strangerCookie] = await Promise.all([signIn(app, owner), signIn(app, stranger)]);
  socket = await connectedSocket(app, ownerCookie);
  const board = await createBoard({ domain: app.domain, actor: owner, input: { title: "Border watch" } });
  slug = board.slug;
  const boardId = board.id;
  const indicatorId = randomUUID();
  await ok(socket.emitWithAck("indicator:create", { id: indicatorId, boardId, name: "Tanks", unit: "tanks" }));
  await ok(
    socket.emitWithAck("observation:create", {
      id: randomUUID(),
      boardId,
      indicatorId,
      observedAt: "2022-01-10T00:00:00Z",
      value: 40,
    }),
  );
  await ok(
    socket.emitWithAck("event:create", {
      id: randomUUID(),
      boardId,
      title: "First convoy",
      occurredAt: "2022-01-10T09:00:00Z",
      category: "military",
    }),
  );
  await ok(
    socket.emitWithAck("annotation:create", {
      id: earlyAssessmentId,
      boardId,
      target: { type: "board" },
      kind: "assessment",
      confidence: "moderate",
      body: "Early assessment: exercises only",
    }),
  );
  then = await databaseNow();
  // Written after `then`: none of these may be in an export as of then.
  await ok(
    socket.emitWithAck("event:create", {
      id: randomUUID(),
      boardId,
      title: "Second convoy",
      occurredAt: "2022-01-11T09:00:00Z",
      category: "military",
    }),
  );
  await ok(
    socket.emitWithAck("observation:create", {
      id: randomUUID(),
      boardId,
      indicatorId,
      observedAt: "2022-01-12T00:00:00Z",
      value: 9876,
    }),
  );
  await ok(
    socket.emitWithAck("annotation:create", {
      id: randomUUID(),
      boardId,
      target: { type: "board" },
      kind: "assessment",
      confidence: "moderate",
      body: "Late assessment: bridging equipment seen",
    }),
  );
  await ok(socket.emitWithAck("annotation:delete", { id: earlyAssessmentId, boardId }));
});

afterAll(() => {
  socket?.disconnect();
  return app?.stop();
});

const get = (path: string, cookie = ownerCookie) =>
  fetch(`${app.url}/api/boards/${slug}/export/${path}`, { headers: { cookie } });
const asOfThen = () => `asOf=${encodeURIComponent(then)}`;
/** "As known at 061805Z DEC 26" for the instant the test calls then. */
const knownAtLine = () => {
  const at = new Date(then);
  const pad = (n: number) => String(n).padStart(2, "0");
  const month = at.toLocaleString("en-GB", { month: "short", timeZone: "UTC" }).toUpperCase();
  return `As known at ${pad(at.getUTCDate())}${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}Z ${month} ${pad(at.getUTCFullYear() % 100)}`;
};

async function pdfText(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  const parser = new PDFParse({ data: Buffer.from(await response.arrayBuffer()) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, " ");
  } finally {
    await parser.destroy();
  }
}

async function deckText(response: Response): Promise<{ title: string; all: string }> {
  expect(response.status).toBe(200);
  const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
  const slides = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
  const text = async (name: string) =>
    [...((await zip.file(name)?.async("string")) ?? "").matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(" ");
  const all = await Promise.all(slides.map(text));
  return { title: await text("ppt/slides/slide1.xml"), all: all.join(" ") };
}

describe("exports as of an instant", () => {
  it("the briefing PDF as of then lacks what was written later, and its cover says as known when", async () => {
    const past = await pdfText(await get(`briefing.pdf?${asOfThen()}`));
    expect(past).toContain(knownAtLine().toUpperCase());
    expect(past).toContain("Early assessment: exercises only");
    expect(past).toContain("First convoy");
    expect(past).not.toContain("Second convoy");
    expect(past).not.toContain("bridging equipment");

    const now = await pdfText(await get("briefing.pdf"));
    expect(now).not.toMatch(/as known at/i);
    expect(now).toContain("Second convoy");
    expect(now).toContain("bridging equipment");
  });

  it("the chart as of then lacks the later event, and says as known when", async () => {
    const past = await get(`chart.svg?${asOfThen()}`);
    expect(past.status).toBe(200);
    const svg = await past.text();
    expect(svg).toContain(knownAtLine());
    expect(svg).toContain("First convoy");
    expect(svg).not.toContain("Second convoy");
    const now = await (await get("chart.svg")).text();
    expect(now).not.toContain("As known at");
    expect(now).toContain("Second convoy");
    expect(now).not.toBe(svg);
    const png = await get(`chart.png?${asOfThen()}`);
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");
  });

  it("the map as of then says as known when", async () => {
    const past = await get(`map.svg?${asOfThen()}`);
    expect(past.status).toBe(200);
    expect(await past.text()).toContain(knownAtLine());
    expect(await (await get("map.svg")).text()).not.toContain("As known at");
  });

  it("the deck's title slide as of then says as known when, and the later event is not in it", async () => {
    const past = await deckText(await get(`briefing.pptx?assessments=all&${asOfThen()}`));
    expect(past.title).toContain(knownAtLine().toUpperCase());
    expect(past.all).toContain("First convoy");
    expect(past.all).not.toContain("Second convoy");
    expect(past.all).not.toContain("bridging equipment");
    const now = await deckText(await get("briefing.pptx?assessments=all"));
    expect(now.title).not.toMatch(/as known at/i);
    expect(now.all).toContain("Second convoy");
  });

  it("the deck as of then takes an assessment deleted since, which the live deck refuses", async () => {
    const past = await deckText(await get(`briefing.pptx?assessments=${earlyAssessmentId}&${asOfThen()}`));
    expect(past.all).toContain("Early assessment: exercises only");
    const live = await get(`briefing.pptx?assessments=${earlyAssessmentId}`);
    expect(live.status).toBe(400);
  });

  it("an instant before the board existed gives the empty board", async () => {
    const svg = await (await get("chart.svg?asOf=2001-01-01T00:00:00Z")).text();
    expect(svg).toContain("As known at 010000Z JAN 01");
    expect(svg).not.toContain("First convoy");
  });
});

describe("the asOf query", () => {
  it.each([
    ["malformed", "yesterday"],
    ["without a zone", "2022-01-10T09:00:00"],
    ["in the future", new Date(Date.now() + 3_600_000).toISOString()],
  ])("refuses an instant %s with 400 VALIDATION on every export that takes it", async (_why, asOf) => {
    for (const path of ["chart.svg", "chart.png", "map.svg", "briefing.pdf", "briefing.pptx"]) {
      const response = await get(`${path}?asOf=${encodeURIComponent(asOf)}`);
      expect(response.status, path).toBe(400);
      const body = (await response.json()) as { error: { code: string; issues: { path: string[] }[] } };
      expect(body.error.code).toBe("VALIDATION");
      expect(body.error.issues.some((issue) => issue.path[0] === "asOf")).toBe(true);
    }
  });

  it("refuses asOf on the row exports, which keep no history, and serves them without it", async () => {
    for (const path of ["observations.csv", "events.csv", "annotations.csv", "annotations.jsonld"]) {
      const refused = await get(`${path}?${asOfThen()}`);
      expect(refused.status, path).toBe(400);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("VALIDATION");
      expect((await get(path)).status, path).toBe(200);
    }
  });

  it("answers a stranger 404 as the live export does, and reads nothing for them", async () => {
    for (const path of ["chart.svg", "briefing.pdf"]) {
      expect((await get(`${path}?${asOfThen()}`, strangerCookie)).status).toBe(404);
      expect((await get(path, strangerCookie)).status).toBe(404);
    }
  });
});
