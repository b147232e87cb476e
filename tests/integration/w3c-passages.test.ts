// Passage annotations (issue 14) as W3C Web Annotations over a real PostgreSQL: exported on the version's
// IRI with a TextQuoteSelector (quote, prefix, suffix) and a TextPositionSelector, passing the model's
// MUST assertions; imported by anchoring the quote in the source's current version, or orphaned.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebAnnotationCollection } from "@/lib/schemas/web-annotation";
import { createAnnotation } from "@/server/annotations/create-annotation";
import { exportAnnotationJsonLd } from "@/server/w3c/export-annotation-jsonld";
import { exportAnnotationsJsonLd } from "@/server/w3c/export-annotations-jsonld";
import { importAnnotationsJsonLd } from "@/server/w3c/import-annotations-jsonld";
import {
  annotationInput,
  makeAnalyst,
  makeBoard,
  type TestAnalyst,
  type TestBoard,
  type TestSocket,
} from "../support/factories";
import { connectedSocket, openTestApp, type TestApp } from "../support/open-test-app";
import { checkAnnotationCollection, checkWebAnnotation, describeFailures } from "../support/w3c-conformance";

let app: TestApp;
let bob: TestAnalyst;
let board: TestBoard;
let editor: TestSocket;

const REPORT =
  "Wrap-up of the week. NATO puts the Russian deployment near Ukraine at roughly 100,000 troops, up from the autumn. Talks open in Geneva on Monday.";
const QUOTE = "roughly 100,000 troops";
const REVISED = `Correction, second edition. ${REPORT.replace("Talks open", "Delegations say talks open")}`;

beforeAll(async () => {
  app = await openTestApp();
  bob = await makeAnalyst(app, { name: "Bob Okafor" });
  board = await makeBoard(app, [[bob, "editor"]]);
  editor = await connectedSocket(app, bob);
});

afterAll(() => app?.stop());

async function createSource(onBoard: TestBoard, text?: string) {
  const created = await editor.emitWithAck("source:create", {
    id: randomUUID(),
    boardId: onBoard.id,
    title: "Sitrep 14",
    text,
  });
  if (!created.ok) throw new Error(created.error.message);
  return created.source;
}

async function annotatePassage(sourceId: string, text: string, quote: string, version = 1) {
  const start = text.indexOf(quote);
  const { annotation } = await createAnnotation({
    domain: app.domain,
    actor: bob,
    input: annotationInput(board, {
      target: { type: "source-span", sourceId, version, start, end: start + quote.length, exact: quote },
      body: "The figure NATO gives.",
    }),
  });
  return annotation;
}

const exportBoard = async (): Promise<WebAnnotationCollection> => {
  const file = await exportAnnotationsJsonLd({
    db: app.db,
    workers: app.workers,
    actor: bob,
    slug: board.slug,
    baseUrl: app.url,
  });
  return JSON.parse(Buffer.concat(await file.body.toArray()).toString("utf8"));
};

/** A Web Annotation from another tool on the source's document: no Watchfloor id, kind or version. */
function foreignPassage(target: unknown) {
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: `https://elsewhere.example/annotations/${randomUUID()}`,
    type: "Annotation",
    bodyValue: "Seen elsewhere.",
    target,
  };
}

const sourceIri = (sourceId: string) => `${app.url}/api/boards/${board.slug}/sources/${sourceId}`;

async function importedRow(input: unknown) {
  const report = await importAnnotationsJsonLd({ domain: app.domain, actor: bob, slug: board.slug, input });
  const id = report.annotations[0]?.id;
  return app.db.annotation.findUniqueOrThrow({ where: { id } });
}

describe("a passage annotation exported as a W3C Web Annotation", () => {
  it("targets its version of the document with quote, context and position, and passes every MUST", async () => {
    const source = await createSource(board, REPORT);
    const annotation = await annotatePassage(source.id, REPORT, QUOTE);
    const start = REPORT.indexOf(QUOTE);

    const collection = await exportBoard();
    const item = collection.first.items.find((candidate) => candidate.id.endsWith(annotation.id));
    expect(item?.target).toEqual({
      type: "SpecificResource",
      source: `${sourceIri(source.id)}/versions/1`,
      selector: [
        {
          type: "TextQuoteSelector",
          exact: QUOTE,
          prefix: REPORT.slice(start - 32, start),
          suffix: REPORT.slice(start + QUOTE.length, start + QUOTE.length + 32),
        },
        { type: "TextPositionSelector", start, end: start + QUOTE.length },
      ],
    });
    const collectionReport = checkAnnotationCollection(collection);
    expect(collectionReport.failures, describeFailures(collectionReport)).toEqual([]);
    expect(collectionReport.notRun).toEqual([]);

    const alone = await exportAnnotationJsonLd({
      db: app.db,
      actor: bob,
      slug: board.slug,
      baseUrl: app.url,
      id: annotation.id,
    });
    const aloneReport = checkWebAnnotation(alone);
    expect(aloneReport.failures, describeFailures(aloneReport)).toEqual([]);
    expect(alone).toEqual({ "@context": collection["@context"], ...item });
  });
});

describe("a passage imported from a W3C Web Annotation", () => {
  it("is anchored in the source's current version, where the quote has moved", async () => {
    const source = await createSource(board, REPORT);
    const start = REPORT.indexOf(QUOTE);
    const revised = await editor.emitWithAck("source:revise", {
      boardId: board.id,
      id: source.id,
      text: REVISED,
      basedOnVersion: 1,
    });
    expect(revised.ok).toBe(true);

    const row = await importedRow(
      foreignPassage({
        type: "SpecificResource",
        source: `${sourceIri(source.id)}/versions/1`,
        selector: [
          {
            type: "TextQuoteSelector",
            exact: QUOTE,
            prefix: REPORT.slice(start - 32, start),
            suffix: REPORT.slice(start + QUOTE.length, start + QUOTE.length + 32),
          },
          { type: "TextPositionSelector", start, end: start + QUOTE.length },
        ],
      }),
    );

    const movedTo = REVISED.indexOf(QUOTE);
    expect(movedTo).not.toBe(start);
    expect(row).toMatchObject({
      targetType: "source_span",
      sourceId: source.id,
      sourceVersion: 2,
      quoteStart: movedTo,
      quoteEnd: movedTo + QUOTE.length,
      quoteExact: QUOTE,
      quotePrefix: REVISED.slice(movedTo - 32, movedTo),
      anchorVersion: 2,
      anchorStart: movedTo,
      anchorEnd: movedTo + QUOTE.length,
    });
  });

  it("finds a quote given without a position or version, on the source's own IRI, where it occurs once", async () => {
    const source = await createSource(board, REPORT);
    const row = await importedRow(
      foreignPassage({
        type: "SpecificResource",
        source: sourceIri(source.id),
        selector: [{ type: "TextQuoteSelector", exact: "Talks open in Geneva on Monday." }],
      }),
    );
    const at = REPORT.indexOf("Talks open in Geneva on Monday.");
    expect(row).toMatchObject({ sourceVersion: 1, quoteStart: at, anchorVersion: 1, anchorStart: at });
  });

  it("is imported orphaned, keeping its quote and context, when the current version no longer has it", async () => {
    const source = await createSource(board, REPORT);
    const quote = "a convoy of 300 vehicles crossed at dawn";
    const row = await importedRow(
      foreignPassage({
        type: "SpecificResource",
        source: `${sourceIri(source.id)}/versions/1`,
        selector: [
          { type: "TextQuoteSelector", exact: quote, prefix: "Satellite images show ", suffix: " near Yelnya." },
          { type: "TextPositionSelector", start: 40, end: 40 + quote.length },
        ],
      }),
    );
    expect(row).toMatchObject({
      sourceVersion: 1,
      quoteStart: 40,
      quoteEnd: 40 + quote.length,
      quoteExact: quote,
      quotePrefix: "Satellite images show ",
      quoteSuffix: " near Yelnya.",
      anchorVersion: 1,
      anchorStart: null,
      anchorEnd: null,
    });
    const snapshot = await editor.emitWithAck("board:join", { boardId: board.id });
    if (!snapshot.ok || !("snapshot" in snapshot)) throw new Error("no snapshot");
    const wire = snapshot.snapshot.annotations.find((annotation) => annotation.id === row.id);
    expect(wire?.anchor).toEqual({ status: "orphaned", version: 1 });
  });

  it("is refused on another board's source, and on a source without a document, writing nothing", async () => {
    const other = await makeBoard(app, [[bob, "editor"]]);
    const elsewhere = await createSource(other, REPORT);
    const empty = await createSource(board);
    const before = await app.db.annotation.count();
    for (const [sourceId, message] of [
      [elsewhere.id, "no such source on this board"],
      [empty.id, "this source has no document to anchor the passage in"],
    ] as const) {
      const input = foreignPassage({
        type: "SpecificResource",
        source: sourceIri(sourceId),
        selector: [{ type: "TextQuoteSelector", exact: QUOTE }],
      });
      const refused = await importAnnotationsJsonLd({ domain: app.domain, actor: bob, slug: board.slug, input }).catch(
        (error: unknown) => error,
      );
      expect(refused).toMatchObject({ code: "VALIDATION", issues: [{ path: ["target"], message }] });
    }
    expect(await app.db.annotation.count()).toBe(before);
  });
});
