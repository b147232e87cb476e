// Annotations as W3C Web Annotations: the export conforms to the model (every MUST assertion of the W3C
// suite), export → import → export is identical, imports are idempotent, all-or-nothing and live.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireOp } from "@/lib/ops";
import type { TAnnotationCreateInput } from "@/lib/schemas/annotation";
import type { WebAnnotation, WebAnnotationCollection } from "@/lib/schemas/web-annotation";
import type { Actor } from "@/server/actor";
import { createAnnotation } from "@/server/annotations/create-annotation";
import { deleteAnnotation } from "@/server/annotations/delete-annotation";
import { setThreadResolved } from "@/server/annotations/set-thread-resolved";
import { uuidV5 } from "@/server/w3c/derive-id";
import { exportAnnotationJsonLd } from "@/server/w3c/export-annotation-jsonld";
import { exportAnnotationsJsonLd } from "@/server/w3c/export-annotations-jsonld";
import { importAnnotationsJsonLd } from "@/server/w3c/import-annotations-jsonld";
import { barrierOp } from "../support/barrier";
import {
  annotationInput,
  makeAnalyst,
  makeBoard,
  signIn,
  type TestAnalyst,
  type TestBoard,
  type TestSocket,
} from "../support/factories";
import { joinedSocket as joinedSocketOf, openTestApp, type TestApp } from "../support/open-test-app";
import { checkAnnotationCollection, checkWebAnnotation, describeFailures } from "../support/w3c-conformance";

let app: TestApp;
let alice: TestAnalyst;
let bob: TestAnalyst;
let carol: TestAnalyst;
let dave: TestAnalyst;
let outsider: TestAnalyst;

/** Suite assertions on a collection (10 collection + 15 page MUSTs) and on each annotation in it. */
const COLLECTION_ASSERTIONS = 25;
const ANNOTATION_ASSERTIONS = 56;

beforeAll(async () => {
  app = await openTestApp();
  [alice, bob, carol, dave, outsider] = await Promise.all([
    makeAnalyst(app, { name: "Alice Analyst" }),
    makeAnalyst(app, { name: "Bob Editor" }),
    makeAnalyst(app),
    makeAnalyst(app),
    makeAnalyst(app, { name: "Olga Outsider" }),
  ]);
});

afterAll(() => app?.stop());

const newBoard = () =>
  makeBoard(app, [
    [alice, "owner"],
    [bob, "editor"],
    [carol, "commenter"],
    [dave, "viewer"],
  ]);

async function annotate(actor: Actor, board: TestBoard, overrides: Partial<TAnnotationCreateInput> = {}) {
  const { annotation } = await createAnnotation({
    domain: app.domain,
    actor,
    input: annotationInput(board, overrides),
  });
  return annotation;
}

/** Every kind and every kind of target, tags, a confidence, a resolved thread with replies. */
async function seedBoard(board: TestBoard) {
  const onBoard = await annotate(alice, board, { tags: ["geneva", "talks"], body: "Ask @Bob Editor about it" });
  const assessment = await annotate(bob, board, {
    target: { type: "event", eventId: board.eventId },
    kind: "assessment",
    confidence: "moderate",
    body: "Talks are likely to stall.",
  });
  const question = await annotate(alice, board, {
    target: { type: "indicator", indicatorId: board.indicatorId, at: "2022-01-08T00:00:00.000Z" },
    kind: "question",
  });
  const warning = await annotate(bob, board, {
    target: {
      type: "indicator-range",
      indicatorId: board.indicatorId,
      from: "2022-01-01T00:00:00.000Z",
      to: "2022-01-10T00:00:00.000Z",
    },
    kind: "warning",
  });
  const onObservation = await annotate(alice, board, {
    target: { type: "observation", observationId: board.observationId },
  });
  const reply = await annotate(alice, board, {
    target: { type: "event", eventId: board.eventId },
    parentId: assessment.id,
    body: "Agreed.",
    tags: ["stall"],
  });
  const secondReply = await annotate(bob, board, {
    target: { type: "event", eventId: board.eventId },
    parentId: assessment.id,
    kind: "question",
  });
  await setThreadResolved({
    domain: app.domain,
    actor: alice,
    input: { id: assessment.id, boardId: board.id },
    resolved: true,
  });
  return { onBoard, assessment, question, warning, onObservation, reply, secondReply };
}

const exportBoard = async (board: TestBoard, actor: Actor = alice): Promise<WebAnnotationCollection> => {
  const file = await exportAnnotationsJsonLd({
    db: app.db,
    workers: app.workers,
    actor,
    slug: board.slug,
    baseUrl: app.url,
  });
  return JSON.parse(Buffer.concat(await file.body.toArray()).toString("utf8"));
};

const importInto = (board: TestBoard, input: unknown, actor: Actor = bob) =>
  importAnnotationsJsonLd({ domain: app.domain, actor, slug: board.slug, input });

const counts = async () => ({ annotations: await app.db.annotation.count(), ops: await app.db.op.count() });

const itemOf = (collection: WebAnnotationCollection, id: string): WebAnnotation => {
  const item = collection.first.items.find((candidate) => candidate.id.endsWith(`/annotations/${id}`));
  if (!item) throw new Error(`annotation ${id} is not in the export`);
  return item;
};

async function joinedSocket(analyst: TestAnalyst, board: TestBoard): Promise<{ socket: TestSocket; ops: WireOp[] }> {
  const ops: WireOp[] = [];
  const socket = await joinedSocketOf(app, analyst, board, (socket) => socket.on("board:op", (op) => ops.push(op)));
  return { socket, ops };
}

describe("export to W3C Web Annotation JSON-LD", () => {
  let board: TestBoard;
  let seeded: Awaited<ReturnType<typeof seedBoard>>;
  let collection: WebAnnotationCollection;

  beforeAll(async () => {
    board = await newBoard();
    seeded = await seedBoard(board);
    collection = await exportBoard(board, dave);
  });

  it("a board's export is an AnnotationCollection that passes every MUST assertion of the model", () => {
    const report = checkAnnotationCollection(collection);

    expect(report.failures, describeFailures(report)).toEqual([]);
    expect(report.notRun).toEqual([]);
    expect(report.results).toHaveLength(COLLECTION_ASSERTIONS + ANNOTATION_ASSERTIONS * 7);
    expect(collection).toMatchObject({
      "@context": ["http://www.w3.org/ns/anno.jsonld", { watchfloor: expect.any(String) }],
      id: `${app.url}/api/boards/${board.slug}/export/annotations.jsonld`,
      type: "AnnotationCollection",
      label: board.title,
      total: 7,
      first: { type: "AnnotationPage", startIndex: 0 },
    });
  });

  it("each annotation exported alone passes every MUST assertion of the model", async () => {
    for (const annotation of Object.values(seeded)) {
      const alone = await exportAnnotationJsonLd({
        db: app.db,
        actor: dave,
        slug: board.slug,
        baseUrl: app.url,
        id: annotation.id,
      });
      const report = checkWebAnnotation(alone);
      expect(report.failures, describeFailures(report)).toEqual([]);
      expect(report.results).toHaveLength(ANNOTATION_ASSERTIONS);
      expect(alone).toEqual({ "@context": collection["@context"], ...itemOf(collection, annotation.id) });
    }
  });

  it("the conformance check fails annotations and collections that break the model", async () => {
    const alone = await exportAnnotationJsonLd({
      db: app.db,
      actor: alice,
      slug: board.slug,
      baseUrl: app.url,
      id: seeded.question.id,
    });
    const broken = (change: (copy: Record<string, unknown>) => void) => {
      const copy = structuredClone(alone) as unknown as Record<string, unknown>;
      change(copy);
      return checkWebAnnotation(copy).failures.map((failure) => failure.assertion);
    };
    expect(broken((copy) => delete copy["@context"])).toContain("annotations/3.1-annotationContextValidated.json");
    expect(broken((copy) => delete copy.target)).toContain("annotations/3.1-targetKeyFound.json");
    expect(broken((copy) => (copy.id = "not an IRI"))).toContain("annotations/3.1-annotationIdValidated.json");
    expect(broken((copy) => (copy.created = "yesterday"))).toContain(
      "annotations/3.3.1-annotationCreatedValidated.json",
    );
    expect(broken((copy) => (copy.bodyValue = "both"))).toContain("annotations/3.2.5-notBodyBodyValue.json");
    expect(broken((copy) => delete (copy.target as { selector: Record<string, unknown> }).selector.value)).toContain(
      "specificResource/4.2-selectorValidIfPresent.json",
    );
    expect(broken((copy) => Object.assign((copy.body as object[])[0] ?? {}, { source: app.url }))).toContain(
      "bodiesTargets/4-bodyEmbeddedTextualNoSource.json",
    );

    const brokenCollection = (change: (copy: Record<string, unknown>) => void) => {
      const copy = structuredClone(collection) as unknown as Record<string, unknown>;
      change(copy);
      return checkAnnotationCollection(copy).failures.map((failure) => failure.assertion);
    };
    expect(brokenCollection((copy) => (copy.total = -1))).toContain("collections/5.1-collectionTotalValidated.json");
    expect(brokenCollection((copy) => (copy.type = "Collection"))).toContain(
      "collections/5.1-collectionTypeValidated.json",
    );
    expect(brokenCollection((copy) => delete (copy.first as Record<string, unknown>).items)).toContain(
      "collections/pages/5.2-pageItemsValidated.json",
    );
  });

  it("maps kinds, bodies, tags, targets, threads and resolution onto the model", () => {
    const iri = (path: string) => `${app.url}/api/boards/${board.slug}${path}`;
    expect(itemOf(collection, seeded.onBoard.id)).toEqual({
      id: iri(`/annotations/${seeded.onBoard.id}`),
      type: "Annotation",
      motivation: "commenting",
      created: seeded.onBoard.createdAt,
      modified: seeded.onBoard.updatedAt,
      creator: { id: `${app.url}/api/users/${alice.id}`, type: "Person", name: "Alice Analyst" },
      body: [
        { type: "TextualBody", value: "Ask @Bob Editor about it", format: "text/plain", purpose: "commenting" },
        { type: "TextualBody", value: "geneva", purpose: "tagging" },
        { type: "TextualBody", value: "talks", purpose: "tagging" },
      ],
      target: iri(""),
      "watchfloor:kind": "note",
    });
    expect(itemOf(collection, seeded.assessment.id)).toMatchObject({
      motivation: "assessing",
      body: [{ purpose: "assessing", value: "Talks are likely to stall." }],
      target: iri(`/events/${board.eventId}`),
      "watchfloor:kind": "assessment",
      "watchfloor:confidence": "moderate",
      "watchfloor:resolvedAt": expect.any(String),
      "watchfloor:resolvedBy": { id: `${app.url}/api/users/${alice.id}`, type: "Person", name: "Alice Analyst" },
    });
    expect(itemOf(collection, seeded.question.id)).toMatchObject({
      motivation: "questioning",
      target: {
        type: "SpecificResource",
        source: iri(`/indicators/${board.indicatorId}`),
        selector: {
          type: "FragmentSelector",
          conformsTo: "http://www.w3.org/TR/media-frags/",
          value: "t=clock:2022-01-08T00:00:00.000Z",
        },
      },
    });
    expect(itemOf(collection, seeded.warning.id)).toMatchObject({
      motivation: "commenting",
      "watchfloor:kind": "warning",
      target: { selector: { value: "t=clock:2022-01-01T00:00:00.000Z,2022-01-10T00:00:00.000Z" } },
    });
    expect(itemOf(collection, seeded.onObservation.id).target).toBe(iri(`/observations/${board.observationId}`));
    expect(itemOf(collection, seeded.secondReply.id)).toMatchObject({
      motivation: "replying",
      body: [{ purpose: "questioning" }],
      target: iri(`/annotations/${seeded.assessment.id}`),
      "watchfloor:kind": "question",
      "watchfloor:target": iri(`/events/${board.eventId}`),
    });
  });

  it("leaves out deleted annotations and replies in a deleted thread", async () => {
    const other = await newBoard();
    const kept = await annotate(alice, other);
    const deleted = await annotate(alice, other);
    const thread = await annotate(bob, other);
    const orphan = await annotate(alice, other, { parentId: thread.id });
    for (const { id } of [deleted, thread]) {
      await deleteAnnotation({ domain: app.domain, actor: alice, input: { id, boardId: other.id } });
    }

    const exported = await exportBoard(other);

    expect(exported.first.items.map((item) => item.id)).toEqual([
      `${app.url}/api/boards/${other.slug}/annotations/${kept.id}`,
    ]);
    expect(exported.total).toBe(1);
    const one = { db: app.db, actor: alice, slug: other.slug, baseUrl: app.url };
    await expect(exportAnnotationJsonLd({ ...one, id: deleted.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(exportAnnotationJsonLd({ ...one, id: orphan.id })).resolves.toMatchObject({ type: "Annotation" });
    await expect(exportAnnotationJsonLd({ ...one, id: "not-a-uuid" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("an analyst who is not on the board cannot export it, and learns nothing about it", async () => {
    await expect(exportBoard(board, outsider)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      exportAnnotationJsonLd({
        db: app.db,
        actor: outsider,
        slug: board.slug,
        baseUrl: app.url,
        id: seeded.onBoard.id,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("import from W3C Web Annotation JSON-LD", () => {
  it("export → import → export is identical", async () => {
    const board = await newBoard();
    await seedBoard(board);
    const first = await exportBoard(board);
    await app.db.annotation.deleteMany({ where: { boardId: board.id } });
    const { lastSeq } = await app.db.board.findUniqueOrThrow({ where: { id: board.id } });

    const report = await importInto(board, first);

    expect(report).toMatchObject({ imported: 7, skipped: 0 });
    expect(report.annotations.map((entry) => entry.source)).toEqual(first.first.items.map((item) => item.id));
    expect(await exportBoard(board)).toEqual(first);
    const ops = await app.db.op.findMany({ where: { boardId: board.id, seq: { gt: lastSeq } } });
    expect(ops.map((op) => [op.type, op.actorId])).toEqual(Array(7).fill(["annotation.created", bob.id]));
  });

  it("importing the same export twice writes nothing the second time", async () => {
    const board = await newBoard();
    await seedBoard(board);
    const exported = await exportBoard(board);
    const { socket, ops } = await joinedSocket(alice, board);
    const before = await counts();

    const report = await importInto(board, exported);

    expect(report).toMatchObject({ imported: 0, skipped: 7 });
    expect(report.annotations.every((entry) => entry.outcome === "skipped")).toBe(true);
    expect(await counts()).toEqual(before);
    // Once Alice holds an op sent after the import returned, she would hold anything the import published.
    const barrier = await barrierOp(socket, board, [ops]);
    expect(ops.map((op) => op.seq)).toEqual([barrier.seq]);
  });

  it("an import reaches the analysts on the board live, after commit, in seq order", async () => {
    const source = await newBoard();
    const board = await newBoard();
    await annotate(alice, source);
    await annotate(bob, source, { kind: "warning" });
    const exported = await exportBoard(source);
    await app.db.annotation.deleteMany({ where: { boardId: source.id } });
    const { ops } = await joinedSocket(alice, board);

    const report = await importInto(board, exported);

    await expect.poll(() => ops.length).toBe(2);
    expect(ops.map((op) => op.type)).toEqual(["annotation.created", "annotation.created"]);
    expect(ops.map((op) => op.seq)).toEqual([...ops.map((op) => op.seq)].sort((a, b) => a - b));
    expect(ops.map((op) => (op.type === "annotation.created" ? op.data.id : null))).toEqual(
      report.annotations.map((entry) => entry.id),
    );
  });

  it("into another board: free ids are kept, taken ones replaced, replies follow, and repeating writes nothing", async () => {
    const source = await newBoard();
    const thread = await annotate(alice, source);
    const reply = await annotate(bob, source, { parentId: thread.id });
    const exported = await exportBoard(source);

    const copy = await newBoard();
    const first = await importInto(copy, exported);
    const again = await importInto(copy, exported);

    expect(first.imported).toBe(2);
    const [threadCopy, replyCopy] = first.annotations.map((entry) => entry.id);
    expect(threadCopy).not.toBe(thread.id);
    expect(await app.db.annotation.findUnique({ where: { id: replyCopy ?? "" } })).toMatchObject({
      boardId: copy.id,
      parentId: threadCopy,
      targetType: "board",
      authorId: bob.id,
    });
    expect(again).toMatchObject({ imported: 0, skipped: 2 });
    expect(again.annotations.map((entry) => entry.id)).toEqual([threadCopy, replyCopy]);

    await app.db.annotation.deleteMany({ where: { boardId: source.id } });
    const free = await importInto(await newBoard(), exported);
    expect(free.annotations.map((entry) => entry.id)).toEqual([thread.id, reply.id]);
  });

  it("a creator who is not on the board: the importer becomes the author and the body names the creator", async () => {
    const source = await makeBoard(app, [[outsider, "owner"]]);
    const written = await annotate(outsider, source, { body: "Seen from outside." });
    const board = await newBoard();

    const report = await importInto(board, await exportBoard(source, outsider));

    const row = await app.db.annotation.findUniqueOrThrow({ where: { id: report.annotations[0]?.id ?? "" } });
    expect(row.id).not.toBe(written.id);
    expect(row.authorId).toBe(bob.id);
    expect(row.body).toBe("Seen from outside.\n\n(Originally written by Olga Outsider; imported.)");
  });

  it("imports a single Annotation document", async () => {
    const board = await newBoard();
    const written = await annotate(carol, board, { kind: "question", tags: ["why"] });
    const alone = await exportAnnotationJsonLd({
      db: app.db,
      actor: alice,
      slug: board.slug,
      baseUrl: app.url,
      id: written.id,
    });
    await app.db.annotation.deleteMany({ where: { boardId: board.id } });

    const report = await importInto(board, alone);

    expect(report).toMatchObject({ imported: 1, skipped: 0, annotations: [{ id: written.id, outcome: "imported" }] });
    expect(await app.db.annotation.findUnique({ where: { id: written.id } })).toMatchObject({
      authorId: carol.id,
      kind: "question",
      tags: ["why"],
      body: written.body,
    });
  });

  it("a plain W3C annotation from another tool is imported once, its kind read from its motivation", async () => {
    const board = await newBoard();
    const foreign = {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "https://annotations.example.org/anno/42",
      type: "Annotation",
      motivation: "questioning",
      bodyValue: "Why now?",
      target: `https://elsewhere.example.org/api/boards/${board.slug}/events/${board.eventId}`,
      creator: { type: "Person", name: "Bob Editor" },
    };

    const first = await importInto(board, foreign, alice);
    const again = await importInto(board, foreign, alice);

    const id = first.annotations[0]?.id ?? "";
    expect(first).toMatchObject({ imported: 1, annotations: [{ source: foreign.id, outcome: "imported" }] });
    expect(again).toMatchObject({ imported: 0, skipped: 1, annotations: [{ id }] });
    expect(await app.db.annotation.findUnique({ where: { id } })).toMatchObject({
      boardId: board.id,
      kind: "question",
      body: "Why now?",
      targetType: "event",
      eventId: board.eventId,
      authorId: bob.id,
    });
  });

  describe("refuses an invalid import as a whole, naming where each problem is, and writes nothing", () => {
    let board: TestBoard;
    let other: TestBoard;
    let valid: WebAnnotationCollection;

    beforeAll(async () => {
      board = await newBoard();
      other = await newBoard();
      await seedBoard(board);
      valid = await exportBoard(board);
      await app.db.annotation.deleteMany({ where: { boardId: board.id } });
    });

    const otherIri = (path: string) => `${app.url}/api/boards/${other.slug}${path}`;
    // Item 1 is the event assessment, 5 and 6 are replies to it (seedBoard's order).
    const cases: [string, (copy: WebAnnotationCollection) => void, (string | number)[]][] = [
      ["a target on another board", (c) => (item(c, 1).target = otherIri(`/events/${other.eventId}`)), [1, "target"]],
      [
        "an indicator on another board",
        (c) => {
          const target = item(c, 2).target;
          if (typeof target === "object") target.source = otherIri(`/indicators/${other.indicatorId}`);
        },
        [2, "target"],
      ],
      ["a target that is not Watchfloor's", (c) => (item(c, 0).target = "https://example.org/page"), [0, "target"]],
      [
        "a body over 10,000 characters",
        (c) => (textOf(item(c, 0)).value = "x".repeat(10_001)),
        [0, "body", 0, "value"],
      ],
      [
        "a tag over 40 characters",
        (c) => Object.assign(item(c, 0).body[1] ?? {}, { value: "t".repeat(41) }),
        [0, "body", 1, "value"],
      ],
      [
        "21 tags",
        (c) => {
          const body = item(c, 0).body;
          for (let index = 0; index < 19; index++)
            body.push({ type: "TextualBody", value: `t${index}`, purpose: "tagging" });
        },
        [0, "body"],
      ],
      [
        "an assessment without a confidence",
        (c) => delete item(c, 1)["watchfloor:confidence"],
        [1, "watchfloor:confidence"],
      ],
      ["a reply to a thread that is nowhere", (c) => c.first.items.splice(1, 1), [4, "target"]],
      ["a reply to a reply", (c) => (item(c, 6).target = item(c, 5).id), [6, "target"]],
      ["an unknown kind", (c) => Object.assign(item(c, 0), { "watchfloor:kind": "rumour" }), [0, "watchfloor:kind"]],
      ["two bodies of text", (c) => item(c, 0).body.push({ ...textOf(item(c, 0)) }), [0, "body"]],
      ["the same annotation twice", (c) => c.first.items.push(item(c, 0)), [7, "id"]],
      ["HTML bodies", (c) => Object.assign(textOf(item(c, 0)), { format: "text/html" }), [0, "body", 0, "format"]],
    ];

    for (const [problem, change, path] of cases) {
      it(problem, async () => {
        const copy = structuredClone(valid);
        change(copy);
        copy.total = copy.first.items.length;
        const before = await counts();

        await expect(importInto(board, copy)).rejects.toMatchObject({
          code: "VALIDATION",
          issues: expect.arrayContaining([expect.objectContaining({ path: ["first", "items", ...path] })]),
        });
        expect(await counts()).toEqual(before);
      });
    }

    it("a document that is neither an Annotation nor an AnnotationCollection", async () => {
      for (const input of [null, 42, "annotation", {}, { ...valid, "@context": "https://example.org/other" }]) {
        await expect(importInto(board, input)).rejects.toMatchObject({ code: "VALIDATION" });
      }
    });

    it("watchfloor: terms without the prefix declared in the @context", async () => {
      await expect(
        importInto(board, { ...valid, "@context": "http://www.w3.org/ns/anno.jsonld" }),
      ).rejects.toMatchObject({
        code: "VALIDATION",
        issues: expect.arrayContaining([expect.objectContaining({ path: ["@context"] })]),
      });
    });

    it("a paged collection whose other pages would have to be fetched", async () => {
      const paged = { ...valid, first: { ...valid.first, next: `${valid.id}#page2` } };
      const partial = { ...valid, total: 20 };
      for (const [input, path] of [
        [paged, ["first", "next"]],
        [partial, ["total"]],
      ] as const) {
        await expect(importInto(board, input)).rejects.toMatchObject({
          code: "VALIDATION",
          issues: expect.arrayContaining([expect.objectContaining({ path })]),
        });
      }
    });
  });

  // The IRIs and names go through a URL parser, which percent-encodes NUL and replaces a lone surrogate
  // rather than refusing them: without a text check first, such an IRI slipped through (a derived id from
  // text the database and the export cannot hold). Posted over HTTP, as JSON escapes, to see the answer.
  describe("refuses IRIs and names holding a character that cannot be stored, over HTTP, and writes nothing", () => {
    let board: TestBoard;
    let valid: WebAnnotationCollection;
    let cookie: string;

    beforeAll(async () => {
      board = await newBoard();
      await seedBoard(board);
      valid = await exportBoard(board);
      await app.db.annotation.deleteMany({ where: { boardId: board.id } });
      cookie = await signIn(app, bob);
    });

    const UNSTORABLE = ["\u0000", "\uD800", "\uDFFF", "\uDC00\uD800"];
    // Item 0 is on the board (with tags), 1 the resolved event assessment, 2 on an indicator, 5 a reply to 1.
    const places: [string, (copy: WebAnnotationCollection, bad: string) => void, (string | number)[]][] = [
      ["an annotation's id", (c, bad) => (item(c, 0).id += bad), ["first", "items", 0, "id"]],
      ["an IRI target", (c, bad) => (item(c, 1).target += bad), ["first", "items", 1, "target"]],
      [
        "a SpecificResource's source",
        (c, bad) => {
          const target = item(c, 2).target;
          if (typeof target !== "object") throw new Error("item 2 should target an indicator");
          target.source += bad;
        },
        ["first", "items", 2, "target", "source"],
      ],
      ["a reply's target", (c, bad) => (item(c, 5).target += bad), ["first", "items", 5, "target"]],
      ["a creator's id", (c, bad) => (item(c, 0).creator.id += bad), ["first", "items", 0, "creator", "id"]],
      ["a creator's name", (c, bad) => (item(c, 0).creator.name += bad), ["first", "items", 0, "creator", "name"]],
      [
        "a resolver's id",
        (c, bad) => {
          const resolver = item(c, 1)["watchfloor:resolvedBy"];
          if (!resolver) throw new Error("item 1 should be resolved");
          resolver.id += bad;
        },
        ["first", "items", 1, "watchfloor:resolvedBy", "id"],
      ],
      ["the collection's id", (c, bad) => (c.id += bad), ["id"]],
      ["the page's id", (c, bad) => (c.first.id += bad), ["first", "id"]],
    ];

    for (const [place, spoil, path] of places) {
      it(place, async () => {
        for (const bad of UNSTORABLE) {
          const copy = structuredClone(valid);
          spoil(copy, bad);
          const before = await counts();

          const response = await fetch(`${app.url}/api/boards/${board.slug}/import/annotations.jsonld`, {
            method: "POST",
            headers: { cookie, origin: app.url, "content-type": "application/ld+json" },
            // JSON.stringify writes NUL and lone surrogates as \u escapes: the body itself is valid UTF-8.
            body: JSON.stringify(copy),
          });

          const answer = await response.json();
          expect({ bad, status: response.status, code: answer.error?.code }).toEqual({
            bad,
            status: 400,
            code: "VALIDATION",
          });
          expect(answer.error.issues).toContainEqual({ path, message: expect.stringContaining("cannot be stored") });
          expect(await counts()).toEqual(before);
        }
      });
    }
  });

  it("only owners and editors may import; analysts not on the board learn nothing", async () => {
    const board = await newBoard();
    await annotate(alice, board);
    const exported = await exportBoard(board);
    await app.db.annotation.deleteMany({ where: { boardId: board.id } });
    const before = await counts();

    await expect(importInto(board, exported, carol)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(importInto(board, exported, dave)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(importInto(board, exported, outsider)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
    await expect(importInto(board, exported, alice)).resolves.toMatchObject({ imported: 1 });
  });
});

function item(collection: WebAnnotationCollection, index: number): WebAnnotation {
  const found = collection.first.items[index];
  if (!found) throw new Error(`no item ${index}`);
  return found;
}

function textOf(annotation: WebAnnotation) {
  const text = annotation.body[0];
  if (!text) throw new Error("no text body");
  return text;
}

describe("replacement ids", () => {
  it("are RFC 9562 version-5 UUIDs, the same for the same name every time", () => {
    // RFC 9562 Appendix A.4: "www.example.com" in the DNS namespace.
    expect(uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
  });
});
