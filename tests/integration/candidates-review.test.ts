// Review of issue 15's candidate services (server/candidates/**), over a real socket and PostgreSQL: what
// candidates.test.ts leaves out — a candidate change while a long revision holds its source, a version
// beyond the database's integers, a document near the length limit.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireOp } from "@/lib/ops";
import { CANDIDATES_IN_OP } from "@/lib/schemas/candidate";
import { LABELLED_REPORTS } from "../fixtures/extraction/labelled-set";
import { confirmAsEvent, pickCandidate } from "../support/candidates";
import { makeAnalyst, makeBoard, type TestAnalyst, type TestBoard, type TestSocket } from "../support/factories";
import { connectedSocket, joinedSocket, openTestApp, type TestApp } from "../support/open-test-app";

let app: TestApp;
let bob: TestAnalyst;
let carol: TestAnalyst;
let board: TestBoard;
let editor: TestSocket;
const ops: WireOp[] = [];

const PUBLISHED = "2022-01-11T06:00:00.000Z";
const REPORT = [
  "Delegations of both sides meet in Geneva on Monday, 17 January.",
  "Satellite pictures taken on 10 January show roughly 106,000 personnel within reach of the border.",
].join("\n\n");

beforeAll(async () => {
  app = await openTestApp();
  bob = await makeAnalyst(app, { name: "Bob Okafor" });
  carol = await makeAnalyst(app, { name: "Carol Lindqvist" });
  board = await makeBoard(app, [
    [bob, "editor"],
    [carol, "viewer"],
  ]);
  editor = await connectedSocket(app, bob);
  await joinedSocket(app, carol, board, (socket) => socket.on("board:op", (op) => ops.push(op)));
});

afterAll(() => app?.stop());

async function createSource(text: string) {
  const created = await editor.timeout(60_000).emitWithAck("source:create", {
    id: randomUUID(),
    boardId: board.id,
    title: "Wire 9",
    text,
    publishedAt: PUBLISHED,
    reliability: "C",
  });
  if (!created.ok) throw new Error(created.error.message);
  return created.source;
}

/** The labelled reports' paragraphs, each numbered so none repeats, up to `length` code units. */
function longDocument(length: number): string {
  const paragraphs = LABELLED_REPORTS.flatMap((report) => report.text.split(/\n\s*\n/)).filter((p) => p.trim());
  const chosen: string[] = [];
  let total = 0;
  for (let index = 0; total < length; index += 1) {
    const paragraph = `Item ${index + 1}. ${paragraphs[index % paragraphs.length]}`;
    if (total + paragraph.length + 2 > length) break;
    chosen.push(paragraph);
    total += paragraph.length + 2;
  }
  return chosen.join("\n\n");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Holds the source's row as a revision does while it re-anchors (measured: 9.9 s for a 1 MiB document with
 * 27,563 candidates); answers once the row is taken, with the hold's end.
 */
async function holdSourceRow(sourceId: string, ms: number): Promise<{ released: Promise<void> }> {
  let taken: () => void = () => undefined;
  const locked = new Promise<void>((resolve) => {
    taken = resolve;
  });
  const held = app.db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "Source" WHERE id = ${sourceId}::uuid FOR UPDATE`;
      taken();
      await sleep(ms);
    },
    { timeout: ms + 10_000 },
  );
  await locked;
  return { released: held };
}

const pick = pickCandidate;

// Prisma's interactive transactions expire after 5 s by default; a revision holds its source's row for as
// long as it re-anchors (60 s allowed). A candidate change that waits for it must not expire meanwhile.
describe("a candidate change during a long revision", () => {
  it("finding candidates waits for the revision instead of failing as UNAVAILABLE", async () => {
    const source = await createSource(REPORT);
    const hold = await holdSourceRow(source.id, 8_000);
    const answer = await editor.timeout(20_000).emitWithAck("source:extract", { boardId: board.id, id: source.id });
    await hold.released;
    expect(answer.ok ? "ok" : answer.error.code).toBe("ok");
  });

  it("an analyst's second search while the first still runs is RATE_LIMITED, and runs once the first is done", async () => {
    const source = await createSource(REPORT);
    const hold = await holdSourceRow(source.id, 3_000);
    const request = () => editor.timeout(20_000).emitWithAck("source:extract", { boardId: board.id, id: source.id });
    const first = request();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const second = await request();
    expect(!second.ok && [second.error.code, second.error.retryAfterMs]).toEqual(["RATE_LIMITED", 2_000]);
    await hold.released;
    expect((await first).ok).toBe(true);
    expect((await request()).ok).toBe(true);
  });

  it("confirming and rejecting wait for the revision instead of failing as UNAVAILABLE", async () => {
    const source = await createSource(REPORT);
    const found = await editor.emitWithAck("source:extract", { boardId: board.id, id: source.id });
    if (!found.ok) throw new Error(found.error.message);
    const monday = pick(found.candidates, "date", "17 January");
    const figure = pick(found.candidates, "figure", "106,000");
    const hold = await holdSourceRow(source.id, 8_000);
    const [confirmed, rejected] = await Promise.all([
      editor.timeout(20_000).emitWithAck("candidate:confirm", confirmAsEvent(board.id, monday)),
      editor.timeout(20_000).emitWithAck("candidate:reject", { boardId: board.id, candidateId: figure.id }),
    ]);
    await hold.released;
    expect([confirmed, rejected].map((answer) => (answer.ok ? "ok" : answer.error.code))).toEqual(["ok", "ok"]);
  });
});

describe("version numbers", () => {
  // The column is a 4-byte integer: a larger version must be refused by the schema, not by PostgreSQL.
  it("a version beyond the database's integers is VALIDATION, not INTERNAL", async () => {
    const source = await createSource(REPORT);
    const answer = await editor.emitWithAck("source:extract", { boardId: board.id, id: source.id, version: 2 ** 31 });
    expect(answer.ok ? "ok" : answer.error.code).toBe("VALIDATION");
  });
});

// A long report gives thousands of candidates (a 1 MiB one gave 27,563, an op of 11 MB, beyond the socket
// transport's cap, sent to every watcher and kept in the log). Beyond CANDIDATES_IN_OP the op carries their
// count only, and a pane showing the document loads them with source:candidates.
describe("the proposal of a long document", () => {
  it("travels as a count, and the candidates are read with source:candidates", { timeout: 120_000 }, async () => {
    const source = await createSource(longDocument(40_000));
    const answer = await editor.timeout(60_000).emitWithAck("source:extract", { boardId: board.id, id: source.id });
    if (!answer.ok) throw new Error(`${answer.error.code} ${answer.error.message}`);
    expect(answer.candidates.length).toBeGreaterThan(CANDIDATES_IN_OP);
    await expect.poll(() => ops.some((op) => op.seq === answer.seq), { timeout: 30_000 }).toBe(true);
    const proposed = ops.find((op) => op.type === "candidate.proposed" && op.data.sourceId === source.id);
    expect(proposed?.data).toEqual({ sourceId: source.id, version: 1, count: answer.candidates.length });
    const listed = await editor.emitWithAck("source:candidates", { boardId: board.id, id: source.id });
    expect(listed.ok && listed.candidates.length).toBe(answer.candidates.length);
  });
});
