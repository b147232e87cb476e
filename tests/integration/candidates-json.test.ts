// The candidates PostgreSQL writes as JSON (server/candidates/read-candidates-json.ts) are the objects
// toWireCandidate builds from the same rows, in the order each read promises: proposed, confirmed as an
// event and as a figure, rejected, confirmed with what it became deleted, lost in a revision.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireCandidate } from "@/lib/schemas/candidate";
import { readSourceCandidatesJson, readVersionCandidatesJson } from "@/server/candidates/read-candidates-json";
import { CANDIDATE_INCLUDE, toWireCandidate } from "@/server/candidates/to-wire-candidate";
import { pickCandidate } from "../support/candidates";
import { makeAnalyst, makeBoard, type TestAnalyst, type TestBoard, type TestSocket } from "../support/factories";
import { connectedSocket, openTestApp, type TestApp } from "../support/open-test-app";

let app: TestApp;
let bob: TestAnalyst;
let board: TestBoard;
let editor: TestSocket;

// A situation report of Wednesday 12 January 2022, written for this test.
const LOST = "Border guards counted about 40 trucks near Novi Yarylovychi on Monday.";
const KEPT = [
  "Envoys of the two alliances sit down in Vienna on Thursday.",
  "Satellite images of 11 January show roughly 2,500 soldiers at the camp near Yelnya.",
];
const REPORT = [LOST, ...KEPT].join("\n\n");

beforeAll(async () => {
  app = await openTestApp();
  bob = await makeAnalyst(app, { name: "Bob Okafor" });
  board = await makeBoard(app, [[bob, "editor"]]);
  editor = await connectedSocket(app, bob);
});

afterAll(() => app?.stop());

async function decideSome(): Promise<{ sourceId: string; indicatorId: string }> {
  const sourceId = randomUUID();
  const created = await editor.emitWithAck("source:create", {
    id: sourceId,
    boardId: board.id,
    title: "Sitrep 9",
    text: REPORT,
    publishedAt: "2022-01-12T06:00:00.000Z",
    reliability: "C",
  });
  if (!created.ok) throw new Error(created.error.message);
  const found = await editor.emitWithAck("source:extract", { boardId: board.id, id: sourceId });
  if (!found.ok) throw new Error(found.error.message);
  const candidates = found.candidates;
  const of = (kind: WireCandidate["kind"], words: string) => pickCandidate(candidates, kind, words);
  const indicatorId = randomUUID();
  const confirm = (candidate: WireCandidate, as: unknown) =>
    editor.emitWithAck("candidate:confirm", {
      boardId: board.id,
      candidateId: candidate.id,
      evidenceId: randomUUID(),
      infoCredibility: 3,
      as: as as never,
    });
  const thursday = await confirm(of("date", "Thursday"), {
    type: "event",
    event: {
      id: randomUUID(),
      title: "Envoys meet in Vienna",
      occurredAt: "2022-01-13T12:00:00.000Z",
      category: "diplomatic",
    },
  });
  const soldiers = await confirm(of("figure", "2,500"), {
    type: "observation",
    observation: { id: randomUUID(), indicatorId, observedAt: "2022-01-11T12:00:00.000Z", value: 2500 },
    newIndicator: { id: indicatorId, name: "Troops at Yelnya", unit: "troops" },
  });
  const eleventh = await confirm(of("date", "11 January"), {
    type: "event",
    event: { id: randomUUID(), title: "Images taken", occurredAt: "2022-01-11T12:00:00.000Z", category: "military" },
  });
  if (!thursday.ok || !soldiers.ok || !eleventh.ok) throw new Error("a confirm failed");
  if (eleventh.candidate.outcome?.type !== "event") throw new Error("no event");
  // What the third confirm became is deleted: its candidate stays confirmed with no outcome.
  await editor.emitWithAck("event:delete", { boardId: board.id, id: eleventh.candidate.outcome.eventId });
  await editor.emitWithAck("candidate:reject", { boardId: board.id, candidateId: of("name", "Vienna").id });
  // The first paragraph is cut: its candidates are lost in version 2.
  const revised = await editor.emitWithAck("source:revise", {
    boardId: board.id,
    id: sourceId,
    text: KEPT.join("\n\n"),
    basedOnVersion: 1,
  });
  if (!revised.ok) throw new Error(revised.error.message);
  return { sourceId, indicatorId };
}

const wire = async (sourceId: string) =>
  (await app.db.candidate.findMany({ where: { sourceId }, include: CANDIDATE_INCLUDE })).map(toWireCandidate);

describe("candidates as JSON written by PostgreSQL", () => {
  it("are toWireCandidate's objects, every status and anchor, in the current version's text order", async () => {
    const { sourceId } = await decideSome();
    const expected = await wire(sourceId);
    const statuses = new Set(expected.map((candidate) => `${candidate.status}:${candidate.outcome?.type ?? "none"}`));
    expect(statuses).toEqual(
      new Set(["proposed:none", "confirmed:event", "confirmed:observation", "confirmed:none", "rejected:none"]),
    );
    expect(expected.some((candidate) => candidate.anchor.status === "orphaned")).toBe(true);
    const listed = (await readSourceCandidatesJson(app.db, sourceId)).parse();
    expect(new Set(listed.map((candidate) => candidate.id)).size).toBe(expected.length);
    expect(listed).toEqual(expect.arrayContaining(expected));
    expect(expected).toEqual(expect.arrayContaining(listed));
    // Anchored ones first, by their place in the current version; the lost ones after them.
    const places = listed.map((candidate) =>
      candidate.anchor.status === "anchored" ? candidate.anchor.start : Number.POSITIVE_INFINITY,
    );
    expect(places).toEqual([...places].sort((a, b) => a - b));
  });

  it("for a version: its own candidates in its text order, with those of older versions anchored in it", async () => {
    const { sourceId } = await decideSome();
    const expected = await wire(sourceId);
    const first = (await readVersionCandidatesJson(app.db, { sourceId, version: 1, currentVersion: 2 })).parse();
    expect(first).toEqual(
      expected
        .filter((c) => c.version === 1)
        .sort((a, b) => a.start - b.start || a.end - b.end || kindOrder(a) - kindOrder(b)),
    );
    const current = (await readVersionCandidatesJson(app.db, { sourceId, version: 2, currentVersion: 2 })).parse();
    expect(current.map((candidate) => candidate.id).sort()).toEqual(
      expected
        .filter((candidate) => candidate.anchor.status === "anchored")
        .map((candidate) => candidate.id)
        .sort(),
    );
  });
});

function kindOrder(candidate: WireCandidate): number {
  return ["date", "figure", "name"].indexOf(candidate.kind);
}
