// One group-committed batch of annotation:create requests (server/annotations/commit-annotation-batch.ts):
// every request gets its own answer, good ones share one statement with contiguous seqs, and what a
// batch hands out is exactly what a later read of the rows gives.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CreateRequest, commitAnnotationBatch } from "@/server/annotations/commit-annotation-batch";
import { ANNOTATION_INCLUDE, toWireAnnotation } from "@/server/annotations/to-wire-annotation";
import type { BaseDomain } from "@/server/domain";
import { AppError } from "@/server/errors";
import { createWriteLimiter } from "@/server/limits/write-limiter";
import { makeAnalyst, makeBoard, type TestAnalyst, type TestBoard } from "../support/factories";
import { openTestApp, type TestApp } from "../support/open-test-app";

let app: TestApp;
let alice: TestAnalyst;
let bob: TestAnalyst;
let carol: TestAnalyst;
let outsider: TestAnalyst;
let board: TestBoard;
let otherBoard: TestBoard;

beforeAll(async () => {
  app = await openTestApp();
  alice = await makeAnalyst(app, { name: "Alice Mercer" });
  bob = await makeAnalyst(app, { name: "Bob Okafor" });
  carol = await makeAnalyst(app, { name: "Carol Haines" });
  outsider = await makeAnalyst(app);
  board = await makeBoard(app, [
    [alice, "owner"],
    [bob, "viewer"],
    [carol, "commenter"],
  ]);
  otherBoard = await makeBoard(app, [[alice, "owner"]]);
});

afterAll(() => app?.stop());

const request = (actor: TestAnalyst, input: Partial<CreateRequest["input"]> = {}): CreateRequest => ({
  actor,
  input: {
    id: randomUUID(),
    boardId: board.id,
    target: { type: "board" },
    body: "Noted.",
    kind: "note",
    tags: [],
    ...input,
  },
});

const answer = (outcome: { ok: boolean; value?: unknown; error?: unknown }) =>
  outcome.ok ? "ok" : outcome.error instanceof AppError ? outcome.error.code : String(outcome.error);

async function readBack(id: string) {
  const row = await app.db.annotation.findUniqueOrThrow({ where: { id }, include: ANNOTATION_INCLUDE });
  return toWireAnnotation(row);
}

describe("a group-committed batch of creates", () => {
  it("answers each request on its own and writes the good ones with contiguous seqs", async () => {
    const [earlier] = await commitAnnotationBatch(app.domain, board.id, [request(alice, { body: "First." })]);
    if (!earlier?.ok) throw new Error("the first create failed");
    const thread = earlier.value.annotation;

    const note = request(alice, { body: "Troop figures revised.", tags: ["troops"] });
    const batch = [
      note,
      request(bob),
      request(outsider),
      request(alice, { target: { type: "event", eventId: otherBoard.eventId } }),
      { ...note },
      request(alice, { id: thread.id, body: "First." }),
      request(carol, {
        body: "@Alice Mercer see the reply",
        parentId: thread.id,
        target: { type: "indicator", indicatorId: board.indicatorId, at: "2022-01-12T00:00:00.000Z" },
      }),
      request(carol, { kind: "assessment", confidence: "moderate", target: { type: "event", eventId: board.eventId } }),
    ];
    const outcomes = await commitAnnotationBatch(app.domain, board.id, batch);
    expect(outcomes.map(answer)).toEqual(["ok", "FORBIDDEN", "NOT_FOUND", "VALIDATION", "ok", "ok", "ok", "ok"]);

    const values = outcomes.map((outcome) => (outcome.ok ? outcome.value : null));
    // The second delivery of `note` and the replay of the earlier create are answered, not written again.
    expect(values[4]).toEqual({ ...values[0], replayed: true });
    expect(values[5]).toEqual({ annotation: thread, seq: earlier.value.seq, replayed: true });
    const written = [values[0], values[6], values[7]];
    expect(written.map((value) => value?.replayed)).toEqual([false, false, false]);
    const firstSeq = earlier.value.seq + 1;
    expect(written.map((value) => value?.seq)).toEqual([firstSeq, firstSeq + 1, firstSeq + 2]);

    // What the batch answered (and broadcast) is what a read of the stored rows gives.
    for (const value of written) expect(await readBack(value?.annotation.id ?? "")).toEqual(value?.annotation);
    expect(values[6]?.annotation.mentions).toEqual([{ id: alice.id, name: "Alice Mercer" }]);

    const ops = await app.db.op.findMany({ where: { boardId: board.id }, orderBy: { seq: "asc" } });
    expect(ops.map((op) => op.seq)).toEqual(ops.map((_, index) => index + 1));
    expect(ops.slice(-3).map((op) => op.payload)).toEqual(written.map((value) => value?.annotation));
    expect((await app.db.board.findUniqueOrThrow({ where: { id: board.id } })).lastSeq).toBe(firstSeq + 2);
    const revisions = await app.db.annotationRevision.findMany({
      where: { annotationId: { in: written.map((value) => value?.annotation.id ?? "") } },
    });
    expect(revisions.map((revision) => revision.version)).toEqual([1, 1, 1]);
    expect(await app.db.mention.count({ where: { annotationId: values[6]?.annotation.id, userId: alice.id } })).toBe(1);
    expect(await app.db.annotation.count({ where: { id: note.input.id } })).toBe(1);
  });

  it("writes the others when one request's write fails, and fails only that one", async () => {
    const doomed = await app.db.event.create({
      data: { id: randomUUID(), boardId: board.id, title: "Doomed", occurredAt: new Date(), category: "political" },
    });
    // The event passes the batch's target check and is gone by the time the batch writes, so its
    // statement fails on the foreign key: the batch is split and only that request fails. The replay in
    // the batch gives its write token back after the checks, just before the write: the moment to strike.
    const domain: BaseDomain = {
      ...app.domain,
      limiter: {
        ...app.domain.limiter,
        giveBack: async () => {
          await app.db.event.deleteMany({ where: { id: doomed.id } });
        },
      },
    };
    const [earlier] = await commitAnnotationBatch(app.domain, board.id, [request(alice, { body: "Earlier." })]);
    const replay = request(alice, { id: earlier?.ok ? earlier.value.annotation.id : "", body: "Earlier." });
    const before = (await app.db.board.findUniqueOrThrow({ where: { id: board.id } })).lastSeq;
    const good = request(alice, { body: "Still written." });
    const bad = request(carol, { target: { type: "event", eventId: doomed.id } });
    const outcomes = await commitAnnotationBatch(domain, board.id, [good, bad, replay]);
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false, true]);
    expect(await app.db.event.count({ where: { id: doomed.id } })).toBe(0);
    expect(await app.db.annotation.count({ where: { id: { in: [good.input.id, bad.input.id] } } })).toBe(1);
    expect((await app.db.board.findUniqueOrThrow({ where: { id: board.id } })).lastSeq).toBe(before + 1);
  });

  it("draws each analyst's write tokens once for the batch, all or none", async () => {
    const limiter = createWriteLimiter({ db: app.db, ratePerSec: 0.001, burst: 2 });
    const domain: BaseDomain = { ...app.domain, limiter };
    const batch = [request(alice), request(carol), request(alice), request(carol), request(alice)];
    const outcomes = await commitAnnotationBatch(domain, board.id, batch);
    // Alice asked for three writes with two tokens: none of hers is written; Carol's two are.
    expect(outcomes.map(answer)).toEqual(["RATE_LIMITED", "ok", "RATE_LIMITED", "ok", "RATE_LIMITED"]);
    const [refused] = outcomes;
    if (!refused || refused.ok) throw new Error("Alice's first write should have been refused");
    expect((refused.error as AppError).extra.retryAfterMs).toBeGreaterThan(0);
    // Carol's bucket is now empty; Alice's still holds both tokens.
    const next = await commitAnnotationBatch(domain, board.id, [request(carol), request(alice), request(alice)]);
    expect(next.map(answer)).toEqual(["RATE_LIMITED", "ok", "ok"]);
    // A replay is answered with an empty bucket, and costs no token when there is one: after replaying
    // on a full bucket (two tokens), two new writes still go through.
    const replayed = next[2]?.ok ? next[2].value.annotation.id : "";
    expect((await commitAnnotationBatch(domain, board.id, [request(alice, { id: replayed })])).map(answer)).toEqual([
      "ok",
    ]);
    await app.db.rateBucket.deleteMany();
    expect((await commitAnnotationBatch(domain, board.id, [request(alice, { id: replayed })])).map(answer)).toEqual([
      "ok",
    ]);
    const after = await commitAnnotationBatch(domain, board.id, [request(alice), request(alice)]);
    expect(after.map(answer)).toEqual(["ok", "ok"]);
  });

  it("goes through the queue: concurrent creates on one board all land once, in a gapless log", async () => {
    const creates = Array.from({ length: 60 }, (_, index) =>
      request(index % 2 ? alice : carol, { body: `Burst ${index}` }),
    );
    const results = await Promise.all(creates.map((create) => app.domain.annotationCreates.submit(board.id, create)));
    const seqs = results.map((result) => result.seq).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(60);
    const ops = await app.db.op.findMany({
      where: { boardId: board.id },
      orderBy: { seq: "asc" },
      select: { seq: true },
    });
    expect(ops.map((op) => op.seq)).toEqual(ops.map((_, index) => index + 1));
    expect(await app.db.annotation.count({ where: { id: { in: creates.map((create) => create.input.id) } } })).toBe(60);
  });
});
