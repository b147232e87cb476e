// ONE-OFF generator (issue 11): before the exports moved to the worker pool, this wrote what the
// in-process code produced for the demo board, together with the plain data that code read from the
// database, into tests/fixtures/exports/. tests/integration/export-goldens.test.ts then feeds the same
// data to the worker path and asserts identical bytes. Runs only with WRITE_EXPORT_GOLDENS=1.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, it } from "vitest";
import type { Actor } from "@/server/actor";
import { ANNOTATION_INCLUDE } from "@/server/annotations/to-wire-annotation";
import type { App } from "@/server/app";
import { readBoardSnapshot } from "@/server/boards/read-board-snapshot";
import { exportAnnotationsCsv } from "@/server/csv/export-annotations-csv";
import { exportEventsCsv } from "@/server/csv/export-events-csv";
import { exportObservationsCsv } from "@/server/csv/export-observations-csv";
import { exportBriefingPdf } from "@/server/exports/briefing-pdf";
import { exportChart } from "@/server/exports/chart-image";
import { exportAnnotationsJsonLd } from "@/server/w3c/export-annotations-jsonld";
import { createTestDatabase, type TestDatabase } from "../support/database";

const DIR = path.resolve(import.meta.dirname, "../fixtures/exports");
const SLUG = "russia-ukraine-2022-01";
const EXPORTED_AT = new Date("2022-01-15T10:30:00Z");
const BASE_URL = "http://localhost:3000";
const enabled = process.env.WRITE_EXPORT_GOLDENS === "1";

let database: TestDatabase;
let app: App;

beforeAll(async () => {
  if (!enabled) return;
  const { startTestApp } = await import("../support/test-app");
  database = await createTestDatabase();
  app = await startTestApp({ databaseUrl: database.url, seedDemo: true });
  await app.db.board.update({ where: { slug: SLUG }, data: { handling: "UNCLASSIFIED // FOR TRAINING" } });
});

afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

/** JSON that keeps Dates as {"$date": iso}, so Prisma rows round-trip. */
function toTaggedJson(value: unknown): string {
  return JSON.stringify(
    value,
    function (this: Record<string, unknown>, key: string, item: unknown) {
      const original = this[key];
      return original instanceof Date ? { $date: original.toISOString() } : item;
    },
    1,
  );
}

it.skipIf(!enabled)("writes the golden exports of the demo board", async () => {
  mkdirSync(DIR, { recursive: true });
  const board = await app.db.board.findUniqueOrThrow({ where: { slug: SLUG } });
  const alice = await app.db.user.findUniqueOrThrow({ where: { email: "alice@watchfloor.test" } });
  const actor: Actor = { id: alice.id, name: alice.name, email: alice.email };
  const write = (name: string, body: string | Buffer) => writeFileSync(path.join(DIR, name), body);

  // The data the in-process code read, captured with the very queries it ran.
  const { snapshot } = await readBoardSnapshot({ db: app.db, boardId: board.id });
  const events = await app.db.event.findMany({
    where: { boardId: board.id },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    include: {
      sources: {
        select: { source: { select: { id: true, title: true } } },
        orderBy: [{ source: { title: "asc" } }, { sourceId: "asc" }],
      },
    },
  });
  const observations = await app.db.observation.findMany({
    where: { indicator: { boardId: board.id } },
    orderBy: [{ indicator: { createdAt: "asc" } }, { indicatorId: "asc" }, { observedAt: "asc" }, { id: "asc" }],
    include: { indicator: { select: { name: true, unit: true } }, source: { select: { title: true } } },
  });
  const annotationRows = await app.db.annotation.findMany({
    where: { boardId: board.id, deletedAt: null, OR: [{ parentId: null }, { parent: { deletedAt: null } }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: ANNOTATION_INCLUDE,
  });
  write(
    "input.json",
    toTaggedJson({
      slug: SLUG,
      exportedAt: EXPORTED_AT.toISOString(),
      baseUrl: BASE_URL,
      actor,
      snapshot,
      events,
      observations,
      annotationRows,
    }),
  );

  // What the in-process code produced from it. Two SVGs in a row already differed in recharts' and
  // React's process-wide element ids, and two PDFs in the order pdfkit wrote the chart images: the
  // goldens test compares those two formats after naming ids canonically / as parsed text and images.
  const chart = (format: "svg" | "png", query: Record<string, string> = {}) =>
    exportChart({ db: app.db, actor, slug: SLUG, query, format, now: EXPORTED_AT });
  const svg = await chart("svg");
  write("chart.svg", svg.body);
  write("chart-paper.svg", (await chart("svg", { theme: "paper" })).body);
  write("chart.png", (await chart("png")).body);
  const pdf = await exportBriefingPdf({ db: app.db, actor, slug: SLUG, query: {}, now: EXPORTED_AT });
  write("briefing.pdf", pdf.body);
  write("observations.csv", (await exportObservationsCsv({ db: app.db, actor, slug: SLUG })).body);
  write("events.csv", (await exportEventsCsv({ db: app.db, actor, slug: SLUG })).body);
  write("annotations.csv", (await exportAnnotationsCsv({ db: app.db, actor, slug: SLUG })).body);
  // As the route sends it (server/http/api-routes.ts).
  const jsonLd = await exportAnnotationsJsonLd({ db: app.db, actor, slug: SLUG, baseUrl: BASE_URL });
  write("annotations.jsonld", JSON.stringify(jsonLd, null, 2));
});
