// Candidates (issue 15) over a real socket and PostgreSQL: extraction proposes dates, figures and names
// from a document version through the op log, once; an analyst confirms one into an event or an
// observation with its passage kept as evidence, in one change every client sees in order; viewers read
// but do not decide; a revision re-anchors candidates like passage notes.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireWarning } from "@/lib/events";
import type { WireOp } from "@/lib/ops";
import type { TCandidateConfirmInput, WireCandidate } from "@/lib/schemas/candidate";
import { barrierOp } from "../support/barrier";
import { confirmAsEvent, pickCandidate } from "../support/candidates";
import { makeAnalyst, makeBoard, type TestAnalyst, type TestBoard, type TestSocket } from "../support/factories";
import { connectedSocket, joinedSocket, openTestApp, type TestApp } from "../support/open-test-app";

let app: TestApp;
let bob: TestAnalyst;
let dan: TestAnalyst;
let carol: TestAnalyst;
let board: TestBoard;
let otherBoard: TestBoard;
let editor: TestSocket;
let rival: TestSocket;
let viewer: TestSocket;
/** Every op the viewer's socket (joined to `board`) received, in order. */
const ops: WireOp[] = [];

// A wire report of Tuesday 11 January 2022, written for this test: a weekday in the past tense, a day
// date, a hedged figure, a capped figure and names; the third paragraph is cut in the revision below.
const PUBLISHED = "2022-01-11T06:00:00.000Z";
const SATURDAY =
  "Two more battalion tactical groups reached the rail yard at Klintsy on Saturday, the regional governor said.";
const SATELLITE = "Satellite pictures taken on 10 January show roughly 106,000 personnel within reach of the border.";
const OBSERVERS = "The OSCE mission counted no more than 3,000 troops in the exercise area.";
const GENEVA = "Delegations of both sides meet in Geneva on Monday, 17 January.";
const REPORT = [SATURDAY, SATELLITE, OBSERVERS, GENEVA].join("\n\n");
const REVISED = ["Update from the desk, 09:00.", SATURDAY, SATELLITE, GENEVA].join("\n\n");

beforeAll(async () => {
  app = await openTestApp();
  bob = await makeAnalyst(app, { name: "Bob Okafor" });
  dan = await makeAnalyst(app, { name: "Dan Ferreira" });
  carol = await makeAnalyst(app, { name: "Carol Lindqvist" });
  board = await makeBoard(app, [
    [bob, "editor"],
    [dan, "editor"],
    [carol, "viewer"],
  ]);
  otherBoard = await makeBoard(app, [[bob, "editor"]]);
  editor = await connectedSocket(app, bob);
  rival = await connectedSocket(app, dan);
  viewer = await joinedSocket(app, carol, board, (socket) => socket.on("board:op", (op) => ops.push(op)));
});

afterAll(() => app?.stop());

async function createSource(options: { text?: string; publishedAt?: string | null; on?: TestBoard } = {}) {
  const created = await editor.emitWithAck("source:create", {
    id: randomUUID(),
    boardId: (options.on ?? board).id,
    title: "Wire 7",
    text: options.text ?? REPORT,
    publishedAt: options.publishedAt === undefined ? PUBLISHED : options.publishedAt,
    reliability: "B",
  });
  if (!created.ok) throw new Error(created.error.message);
  return created.source;
}

async function extract(sourceId: string, on: TestBoard = board) {
  const answer = await editor.emitWithAck("source:extract", { boardId: on.id, id: sourceId });
  if (!answer.ok) throw new Error(`source:extract was refused: ${answer.error.code} ${answer.error.message}`);
  return answer;
}

const pick = pickCandidate;
const asEvent = (candidate: WireCandidate, overrides: Partial<TCandidateConfirmInput> = {}) =>
  confirmAsEvent(board.id, candidate, overrides);

function asObservation(candidate: WireCandidate, indicatorId: string, value: number) {
  return {
    boardId: board.id,
    candidateId: candidate.id,
    evidenceId: randomUUID(),
    infoCredibility: 3,
    as: {
      type: "observation" as const,
      observation: { id: randomUUID(), indicatorId, observedAt: "2022-01-10T00:00:00.000Z", value },
    },
  };
}

/** The ops the viewer received with seqs first..last, once the last one is there. */
async function opsThrough(first: number, last: number): Promise<WireOp[]> {
  await expect.poll(() => ops.some((op) => op.seq === last)).toBe(true);
  return ops.filter((op) => op.seq >= first && op.seq <= last);
}

describe("extraction", () => {
  it("proposes the report's dates and figures, resolved against its publication date, and a second client gets them", async () => {
    const source = await createSource();
    const answer = await extract(source.id);
    expect(answer.version).toBe(1);
    const monday = pick(answer.candidates, "date", "17 January");
    expect(monday).toMatchObject({ date: { start: "2022-01-17", precision: "day" } });
    // Past tense in a Tuesday report: the Saturday before.
    expect(pick(answer.candidates, "date", "Saturday")).toMatchObject({
      date: { start: "2022-01-08", precision: "day" },
    });
    expect(pick(answer.candidates, "figure", "106,000")).toMatchObject({ value: 106_000, qualifier: "about" });
    expect(pick(answer.candidates, "figure", "3,000")).toMatchObject({ value: 3_000, qualifier: "at most" });
    for (const candidate of answer.candidates) {
      expect(REPORT.slice(candidate.start, candidate.end)).toBe(candidate.exact);
      expect(candidate).toMatchObject({ sourceId: source.id, version: 1, status: "proposed", outcome: null });
      expect(candidate.anchor).toEqual({ status: "anchored", version: 1, start: candidate.start, end: candidate.end });
    }
    // Kept with its context, as a passage is, for anchoring in later versions.
    const stored = await app.db.candidate.findUniqueOrThrow({ where: { id: monday.id } });
    expect(stored.prefix).toBe(REPORT.slice(Math.max(0, monday.start - 32), monday.start));
    expect(stored.suffix).toBe(REPORT.slice(monday.end, monday.end + 32));

    expect(answer.seq).toBeGreaterThan(0);
    const [proposed] = await opsThrough(answer.seq, answer.seq);
    expect(proposed).toMatchObject({ type: "candidate.proposed", actorId: bob.id });
    expect(proposed?.data).toEqual({
      sourceId: source.id,
      version: 1,
      count: answer.candidates.length,
      candidates: answer.candidates,
    });

    const listed = await viewer.emitWithAck("source:candidates", { boardId: board.id, id: source.id });
    expect(listed.ok && listed.version).toBe(1);
    expect(listed.ok && new Set(listed.candidates.map((candidate) => candidate.id))).toEqual(
      new Set(answer.candidates.map((candidate) => candidate.id)),
    );
  });

  it("proposes nothing twice: a second run answers the same candidates and logs no op", async () => {
    const source = await createSource();
    const first = await extract(source.id);
    const rejected = pick(first.candidates, "figure", "3,000");
    const reject = await editor.emitWithAck("candidate:reject", { boardId: board.id, candidateId: rejected.id });
    expect(reject.ok).toBe(true);
    const second = await extract(source.id);
    expect(second.candidates.map((candidate) => candidate.id)).toEqual(
      first.candidates.map((candidate) => candidate.id),
    );
    // The rejected one stays rejected for its version.
    expect(second.candidates.find((candidate) => candidate.id === rejected.id)?.status).toBe("rejected");
    const barrier = await barrierOp(editor, board, [ops]);
    const proposals = ops.filter((op) => op.type === "candidate.proposed" && op.data.sourceId === source.id);
    expect(proposals.map((op) => op.seq)).toEqual([first.seq]);
    expect(ops.filter((op) => op.seq > (reject.ok ? reject.seq : 0) && op.seq < barrier.seq)).toEqual([]);
    expect(await app.db.candidate.count({ where: { sourceId: source.id } })).toBe(first.candidates.length);
  });

  it("needs the document's publication date, and runs once it is given", async () => {
    const source = await createSource({ publishedAt: null });
    const refused = await editor.emitWithAck("source:extract", { boardId: board.id, id: source.id });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe("VALIDATION");
    expect(refused.error.issues?.map((issue) => issue.path)).toEqual([["publishedAt"]]);
    expect(await app.db.candidate.count({ where: { sourceId: source.id } })).toBe(0);
    const updated = await editor.emitWithAck("source:update", {
      boardId: board.id,
      id: source.id,
      publishedAt: PUBLISHED,
    });
    expect(updated.ok).toBe(true);
    expect((await extract(source.id)).candidates.length).toBeGreaterThan(0);
  });
});

describe("confirming", () => {
  it("a date becomes an event linked to its source, graded, with its passage as evidence, in one change every client sees in order", async () => {
    const source = await createSource();
    const monday = pick((await extract(source.id)).candidates, "date", "17 January");
    const input = asEvent(monday);
    const confirmed = await editor.emitWithAck("candidate:confirm", input);
    if (!confirmed.ok) throw new Error(confirmed.error.message);
    if (input.as.type !== "event") throw new Error("not an event");
    const eventId = input.as.event.id;
    expect(confirmed.candidate).toMatchObject({
      id: monday.id,
      status: "confirmed",
      decidedBy: { id: bob.id, name: "Bob Okafor" },
      outcome: { type: "event", eventId, evidenceId: input.evidenceId },
    });

    const event = await app.db.event.findUniqueOrThrow({ where: { id: eventId }, include: { sources: true } });
    expect(event).toMatchObject({
      boardId: board.id,
      title: "Talks in Geneva",
      sourceReliability: "B",
      infoCredibility: 2,
    });
    expect(event.sources.map((link) => link.sourceId)).toEqual([source.id]);
    const evidence = await app.db.annotation.findUniqueOrThrow({ where: { id: input.evidenceId } });
    expect(evidence).toMatchObject({
      boardId: board.id,
      authorId: bob.id,
      targetType: "source_span",
      sourceId: source.id,
      sourceVersion: 1,
      quoteStart: monday.start,
      quoteEnd: monday.end,
      quoteExact: monday.exact,
      evidenceEventId: eventId,
      body: "Evidence for the event “Talks in Geneva”",
    });
    const stored = await app.db.candidate.findUniqueOrThrow({ where: { id: monday.id } });
    expect(stored).toMatchObject({ eventId, evidenceAnnotationId: input.evidenceId, decidedById: bob.id });

    const change = await opsThrough(confirmed.seq - 2, confirmed.seq);
    expect(change.map((op) => op.type)).toEqual(["event.created", "annotation.created", "candidate.confirmed"]);
    const [created, annotated, decided] = change;
    expect(created?.data).toMatchObject({
      id: eventId,
      sourceIds: [source.id],
      sourceReliability: "B",
      infoCredibility: 2,
    });
    expect(annotated?.data).toMatchObject({
      id: input.evidenceId,
      target: { type: "source-span", sourceId: source.id, version: 1, start: monday.start, end: monday.end },
      evidenceFor: { type: "event", eventId },
      anchor: { status: "anchored", version: 1, start: monday.start, end: monday.end },
    });
    expect(decided?.data).toEqual(confirmed.candidate);

    // A client joining later finds the same: the event's grade and the passage's link in the snapshot.
    const joined = await viewer.emitWithAck("board:join", { boardId: board.id });
    if (!joined.ok || !("snapshot" in joined)) throw new Error("no snapshot");
    expect(joined.snapshot.events.find((item) => item.id === eventId)).toEqual(created?.data);
    expect(joined.snapshot.annotations.find((item) => item.id === input.evidenceId)).toEqual(annotated?.data);
  });

  it("a figure becomes an observation on an indicator of the board", async () => {
    const source = await createSource();
    const figure = pick((await extract(source.id)).candidates, "figure", "106,000");
    const input = asObservation(figure, board.indicatorId, 106_000);
    const confirmed = await editor.emitWithAck("candidate:confirm", input);
    if (!confirmed.ok) throw new Error(confirmed.error.message);
    const observation = await app.db.observation.findUniqueOrThrow({ where: { id: input.as.observation.id } });
    expect(observation).toMatchObject({
      indicatorId: board.indicatorId,
      value: 106_000,
      sourceId: source.id,
      sourceReliability: "B",
      infoCredibility: 3,
    });
    const evidence = await app.db.annotation.findUniqueOrThrow({ where: { id: input.evidenceId } });
    expect(evidence.evidenceObservationId).toBe(observation.id);
    expect(evidence.body).toBe("Evidence for 106,000 troops on “Troops near the border”");
    const change = await opsThrough(confirmed.seq - 2, confirmed.seq);
    expect(change.map((op) => op.type)).toEqual(["observation.created", "annotation.created", "candidate.confirmed"]);
    expect(confirmed.candidate.outcome).toEqual({
      type: "observation",
      observationId: observation.id,
      evidenceId: input.evidenceId,
    });
  });

  it("a figure becomes an observation on a new indicator created in the same change", async () => {
    const source = await createSource();
    const figure = pick((await extract(source.id)).candidates, "figure", "3,000");
    const indicatorId = randomUUID();
    const onItsOwn = asObservation(figure, indicatorId, 3_000);
    const newIndicator = { id: indicatorId, name: "Troops in the exercise area", unit: "troops" };
    const input = { ...onItsOwn, as: { ...onItsOwn.as, newIndicator } };
    const confirmed = await editor.emitWithAck("candidate:confirm", input);
    if (!confirmed.ok) throw new Error(confirmed.error.message);
    expect(await app.db.indicator.findUniqueOrThrow({ where: { id: indicatorId } })).toMatchObject({
      boardId: board.id,
      name: "Troops in the exercise area",
    });
    const change = await opsThrough(confirmed.seq - 3, confirmed.seq);
    expect(change.map((op) => op.type)).toEqual([
      "indicator.created",
      "observation.created",
      "annotation.created",
      "candidate.confirmed",
    ]);
    expect(change[1]?.data).toMatchObject({ indicatorId, value: 3_000, sourceId: source.id });
  });

  it("a figure beyond its indicator's warning level warns as one entered by hand", async () => {
    const source = await createSource();
    const figure = pick((await extract(source.id)).candidates, "figure", "3,000");
    const indicatorId = randomUUID();
    const onItsOwn = asObservation(figure, indicatorId, 3_000);
    const newIndicator = { id: indicatorId, name: "Troops at the range", unit: "troops", warnAbove: 2_000 };
    const warnings: WireWarning[] = [];
    viewer.on("warning:raised", (warning) => warnings.push(warning));
    const confirmed = await editor.emitWithAck("candidate:confirm", {
      ...onItsOwn,
      as: { ...onItsOwn.as, newIndicator },
    });
    if (!confirmed.ok) throw new Error(confirmed.error.message);
    const change = await opsThrough(confirmed.seq - 4, confirmed.seq);
    expect(change.map((op) => op.type)).toEqual([
      "indicator.created",
      "observation.created",
      "annotation.created",
      "annotation.created",
      "candidate.confirmed",
    ]);
    expect(change[2]?.data).toMatchObject({ kind: "warning", automatic: true });
    expect(change[3]?.data).toMatchObject({ id: onItsOwn.evidenceId, evidenceFor: { type: "observation" } });
    await expect.poll(() => warnings.map((warning) => warning.indicatorId)).toEqual([indicatorId]);
    expect(warnings[0]).toMatchObject({ sourceTitle: "Wire 7", enteredBy: { id: bob.id } });
  });

  it("an indicator of another board is refused and nothing is written", async () => {
    const source = await createSource();
    const figure = pick((await extract(source.id)).candidates, "figure", "106,000");
    const input = asObservation(figure, otherBoard.indicatorId, 106_000);
    const refused = await editor.emitWithAck("candidate:confirm", input);
    expect(!refused.ok && refused.error.code).toBe("VALIDATION");
    expect(!refused.ok && refused.error.issues?.map((issue) => issue.path)).toEqual([
      ["as", "observation", "indicatorId"],
    ]);
    expect(await app.db.observation.count({ where: { id: input.as.observation.id } })).toBe(0);
    expect((await app.db.candidate.findUniqueOrThrow({ where: { id: figure.id } })).status).toBe("proposed");
  });

  it("two analysts confirming the same candidate: one wins, the other is told who did", async () => {
    const source = await createSource();
    const monday = pick((await extract(source.id)).candidates, "date", "17 January");
    const fromBob = asEvent(monday);
    const fromDan = asEvent(monday);
    const answers = await Promise.all([
      editor.emitWithAck("candidate:confirm", fromBob),
      rival.emitWithAck("candidate:confirm", fromDan),
    ]);
    const won = answers.filter((answer) => answer.ok);
    const lost = answers.flatMap((answer) => (answer.ok ? [] : [answer.error]));
    expect(won).toHaveLength(1);
    expect(lost.map((error) => error.code)).toEqual(["CONFLICT"]);
    const winner = won[0]?.ok ? won[0].candidate.decidedBy?.name : undefined;
    expect(lost[0]?.message).toContain(`${winner} already confirmed`);
    const eventIds = [fromBob, fromDan].map((input) => (input.as.type === "event" ? input.as.event.id : ""));
    expect(await app.db.event.count({ where: { id: { in: eventIds } } })).toBe(1);
    expect(await app.db.annotation.count({ where: { id: { in: [fromBob.evidenceId, fromDan.evidenceId] } } })).toBe(1);
  });

  it("the same confirm sent again answers the same and changes nothing", async () => {
    const source = await createSource();
    const saturday = pick((await extract(source.id)).candidates, "date", "Saturday");
    const input = asEvent(saturday, {});
    const first = await editor.emitWithAck("candidate:confirm", input);
    const again = await editor.emitWithAck("candidate:confirm", input);
    expect(first.ok).toBe(true);
    expect(again).toEqual(first);
    await barrierOp(editor, board, [ops]);
    expect(ops.filter((op) => op.type === "candidate.confirmed" && op.data.id === saturday.id)).toHaveLength(1);
  });

  it("a rejected candidate stays rejected: confirming it is a CONFLICT, rejecting it again answers it as it is", async () => {
    const source = await createSource();
    const figure = pick((await extract(source.id)).candidates, "figure", "106,000");
    const rejected = await editor.emitWithAck("candidate:reject", { boardId: board.id, candidateId: figure.id });
    if (!rejected.ok) throw new Error(rejected.error.message);
    expect(rejected.candidate).toMatchObject({ status: "rejected", decidedBy: { id: bob.id }, outcome: null });
    const [op] = await opsThrough(rejected.seq, rejected.seq);
    expect(op).toMatchObject({ type: "candidate.rejected", data: rejected.candidate });
    const confirm = await rival.emitWithAck("candidate:confirm", asObservation(figure, board.indicatorId, 106_000));
    expect(!confirm.ok && [confirm.error.code, confirm.error.message]).toEqual([
      "CONFLICT",
      "Bob Okafor rejected this candidate",
    ]);
    expect(await rival.emitWithAck("candidate:reject", { boardId: board.id, candidateId: figure.id })).toEqual(
      rejected,
    );
  });

  it("a confirmed candidate is not rejected, and a name is not confirmed on its own", async () => {
    const source = await createSource();
    const { candidates } = await extract(source.id);
    const monday = pick(candidates, "date", "17 January");
    expect((await editor.emitWithAck("candidate:confirm", asEvent(monday))).ok).toBe(true);
    const reject = await rival.emitWithAck("candidate:reject", { boardId: board.id, candidateId: monday.id });
    expect(!reject.ok && reject.error.code).toBe("CONFLICT");
    const geneva = pick(candidates, "name", "Geneva");
    const named = await editor.emitWithAck("candidate:confirm", asEvent(geneva));
    expect(!named.ok && named.error.code).toBe("VALIDATION");
    const wrongKind = await editor.emitWithAck("candidate:confirm", asEvent(pick(candidates, "figure", "106,000")));
    expect(!wrongKind.ok && wrongKind.error.issues?.map((issue) => issue.path)).toEqual([["as", "type"]]);
  });

  it("a candidate whose event was deleted since may be confirmed again", async () => {
    const source = await createSource();
    const monday = pick((await extract(source.id)).candidates, "date", "17 January");
    const first = await editor.emitWithAck("candidate:confirm", asEvent(monday));
    if (!first.ok || first.candidate.outcome?.type !== "event") throw new Error("the first confirm failed");
    const deleted = await editor.emitWithAck("event:delete", {
      boardId: board.id,
      id: first.candidate.outcome.eventId,
    });
    expect(deleted.ok).toBe(true);
    const again = await rival.emitWithAck("candidate:confirm", asEvent(monday));
    expect(again.ok && again.candidate).toMatchObject({ status: "confirmed", outcome: { type: "event" } });
  });
});

describe("who may", () => {
  it("a viewer reads candidates but may not extract, confirm or reject", async () => {
    const source = await createSource();
    const { candidates } = await extract(source.id);
    const monday = pick(candidates, "date", "17 January");
    const extracting = await viewer.emitWithAck("source:extract", { boardId: board.id, id: source.id });
    const confirming = await viewer.emitWithAck("candidate:confirm", asEvent(monday));
    const rejecting = await viewer.emitWithAck("candidate:reject", { boardId: board.id, candidateId: monday.id });
    for (const refused of [extracting, confirming, rejecting])
      expect(!refused.ok && refused.error.code).toBe("FORBIDDEN");
    const listed = await viewer.emitWithAck("source:candidates", { boardId: board.id, id: source.id });
    expect(listed.ok && listed.candidates.map((candidate) => [candidate.id, candidate.status])).toEqual(
      expect.arrayContaining([[monday.id, "proposed"]]),
    );
  });

  it("another board's candidates and sources are not found through this board", async () => {
    const source = await createSource();
    const monday = pick((await extract(source.id)).candidates, "date", "17 January");
    const elsewhere = { boardId: otherBoard.id };
    const confirm = await editor.emitWithAck("candidate:confirm", { ...asEvent(monday), ...elsewhere });
    const reject = await editor.emitWithAck("candidate:reject", { candidateId: monday.id, ...elsewhere });
    const listed = await editor.emitWithAck("source:candidates", { id: source.id, ...elsewhere });
    const extracted = await editor.emitWithAck("source:extract", { id: source.id, ...elsewhere });
    for (const refused of [confirm, reject, listed, extracted])
      expect(!refused.ok && refused.error.code).toBe("NOT_FOUND");
    expect((await app.db.candidate.findUniqueOrThrow({ where: { id: monday.id } })).status).toBe("proposed");
  });
});

describe("a new version", () => {
  it("extracting an older version anchors its candidates in the current one", async () => {
    const source = await createSource();
    const revised = await editor.emitWithAck("source:revise", {
      boardId: board.id,
      id: source.id,
      text: REVISED,
      basedOnVersion: 1,
    });
    expect(revised.ok).toBe(true);
    const answer = await editor.emitWithAck("source:extract", { boardId: board.id, id: source.id, version: 1 });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.version).toBe(1);
    const lost = pick(answer.candidates, "figure", "3,000");
    expect(lost).toMatchObject({ version: 1, start: REPORT.indexOf("3,000") - lost.exact.indexOf("3,000") });
    expect(lost.anchor).toEqual({ status: "orphaned", version: 2 });
    const monday = pick(answer.candidates, "date", "17 January");
    const at = REVISED.indexOf(monday.exact);
    expect(monday.anchor).toEqual({ status: "anchored", version: 2, start: at, end: at + monday.exact.length });
    // Confirmed where it is now, though found in version 1.
    const input = asEvent(monday);
    const confirmed = await editor.emitWithAck("candidate:confirm", input);
    expect(confirmed.ok).toBe(true);
    const evidence = await app.db.annotation.findUniqueOrThrow({ where: { id: input.evidenceId } });
    expect(evidence).toMatchObject({ sourceVersion: 2, quoteStart: at, quoteExact: monday.exact });
  });

  it("moves the source's passage notes and its candidates in one revision, each to its own place", async () => {
    const source = await createSource();
    const { candidates } = await extract(source.id);
    const saturday = pick(candidates, "date", "Saturday");
    const input = asEvent(saturday);
    expect((await editor.emitWithAck("candidate:confirm", input)).ok).toBe(true);
    const first = "Update from the desk.\n\n";
    const revised = await editor.emitWithAck("source:revise", {
      boardId: board.id,
      id: source.id,
      text: first + REPORT,
      basedOnVersion: 1,
    });
    if (!revised.ok) throw new Error(revised.error.message);
    const moved = (span: { start: number; end: number }) => ({
      status: "anchored",
      start: span.start + first.length,
      end: span.end + first.length,
    });
    expect(revised.anchors).toEqual([{ annotationId: input.evidenceId, ...moved(saturday) }]);
    expect(revised.candidates).toHaveLength(candidates.length);
    expect(revised.candidates).toEqual(
      expect.arrayContaining(candidates.map((candidate) => ({ candidateId: candidate.id, ...moved(candidate) }))),
    );
  });

  it("re-anchors the candidates: source.revised says where each went, a cut sentence's are lost and cannot be confirmed", async () => {
    const source = await createSource();
    const { candidates } = await extract(source.id);
    const revised = await editor.emitWithAck("source:revise", {
      boardId: board.id,
      id: source.id,
      text: REVISED,
      basedOnVersion: 1,
    });
    if (!revised.ok) throw new Error(revised.error.message);
    const [op] = await opsThrough(revised.seq, revised.seq);
    expect(op?.type).toBe("source.revised");
    expect(op?.data).toEqual({ source: revised.source, version: 2, anchors: [], candidates: revised.candidates });

    const cutStart = REPORT.indexOf(OBSERVERS);
    const wasCut = (candidate: WireCandidate) =>
      candidate.start >= cutStart && candidate.end <= cutStart + OBSERVERS.length;
    const shift = REVISED.indexOf(SATURDAY) - REPORT.indexOf(SATURDAY);
    const expected = candidates.map((candidate) => {
      if (wasCut(candidate)) return { candidateId: candidate.id, status: "orphaned" };
      // Before the cut a candidate moves by the new first line; after it, back by the cut paragraph too.
      const by = candidate.start < cutStart ? shift : shift - OBSERVERS.length - 2;
      return { candidateId: candidate.id, status: "anchored", start: candidate.start + by, end: candidate.end + by };
    });
    expect(candidates.some(wasCut)).toBe(true);
    expect(revised.candidates).toEqual(expect.arrayContaining(expected));
    expect(revised.candidates).toHaveLength(candidates.length);

    const listed = await viewer.emitWithAck("source:candidates", { boardId: board.id, id: source.id });
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.version).toBe(2);
    const lost = pick(listed.candidates, "figure", "3,000");
    expect(lost.anchor).toEqual({ status: "orphaned", version: 2 });
    const confirm = await editor.emitWithAck("candidate:confirm", asObservation(lost, board.indicatorId, 3_000));
    expect(!confirm.ok && [confirm.error.code, confirm.error.message]).toEqual([
      "CONFLICT",
      "This candidate lost its passage in version 2",
    ]);

    // A moved one is confirmed at its place in the current version.
    const monday = pick(listed.candidates, "date", "17 January");
    const input = asEvent(monday);
    const confirmed = await editor.emitWithAck("candidate:confirm", input);
    if (!confirmed.ok) throw new Error(confirmed.error.message);
    if (monday.anchor.status !== "anchored") throw new Error("not anchored");
    const evidence = await app.db.annotation.findUniqueOrThrow({ where: { id: input.evidenceId } });
    expect(evidence).toMatchObject({
      sourceVersion: 2,
      quoteStart: monday.anchor.start,
      quoteEnd: monday.anchor.end,
      quoteExact: REVISED.slice(monday.anchor.start, monday.anchor.end),
    });

    // Finding candidates again in version 2 proposes only what version 1's, re-anchored there, do not
    // already stand for, and answers those too.
    const again = await extract(source.id);
    expect(again.version).toBe(2);
    const carried = again.candidates.filter((candidate) => candidate.version === 1);
    expect(new Set(carried.map((candidate) => candidate.id))).toEqual(
      new Set(candidates.filter((candidate) => !wasCut(candidate)).map((candidate) => candidate.id)),
    );
    const sameSpan = (fresh: WireCandidate) => (old: WireCandidate) =>
      old.kind === fresh.kind &&
      old.anchor.status === "anchored" &&
      old.anchor.start === fresh.start &&
      old.anchor.end === fresh.end;
    const proposedAgain = again.candidates.filter(
      (candidate) => candidate.version === 2 && carried.some(sameSpan(candidate)),
    );
    expect(proposedAgain).toEqual([]);
  });
});
