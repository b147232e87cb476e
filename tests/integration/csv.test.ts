// CSV in and out of a board (docs/csv.md): the observations import — its line-numbered report, its
// all-or-nothing write and its one op — and the three exports, parsed back with csv-parse and held
// against the database.
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireOp } from "@/lib/ops";
import type { TAnnotationCreateInput } from "@/lib/schemas/annotation";
import { type CsvLineError, fromCsvIssue, OBSERVATION_CSV_LIMITS } from "@/lib/schemas/observation-csv";
import type { Actor } from "@/server/actor";
import { createAnnotation } from "@/server/annotations/create-annotation";
import { exportAnnotationsCsv } from "@/server/csv/export-annotations-csv";
import { exportEventsCsv } from "@/server/csv/export-events-csv";
import { exportObservationsCsv } from "@/server/csv/export-observations-csv";
import { unguardFormula } from "@/server/csv/formula-guard";
import { type ImportProgress, importObservationsCsv } from "@/server/csv/import-observations-csv";
import type { CsvFile } from "@/server/csv/write-csv";
import type { Observation } from "@/server/db/generated/client";
import { reviseSource } from "@/server/documents/revise-source";
import type { Domain } from "@/server/domain";
import { AppError } from "@/server/errors";
import { makeAnalyst } from "../support/factories";
import { openTestApp, type TestApp } from "../support/open-test-app";

const DEMO_SLUG = "russia-ukraine-2022-01";
const HEADER = "indicator,observed_at,value,grade,source,note";

let app: TestApp;
let domain: Domain;
let boardId: string;
let alice: Actor;
let bob: Actor;
let carol: Actor;
let commenter: Actor;
let stranger: Actor;
let troops: { id: string; name: string };
let flights: { id: string; name: string };
let source: { id: string; title: string };
const published: WireOp[] = [];

beforeAll(async () => {
  app = await openTestApp({ seedDemo: true });
  // The app's own live path, watched: publishing after commit is part of what an import must do.
  domain = {
    ...app.domain,
    effects: {
      ...app.domain.effects,
      publish: (op) => {
        published.push(op);
        app.domain.effects.publish(op);
      },
    },
  };
  const board = await app.db.board.findUniqueOrThrow({ where: { slug: DEMO_SLUG }, include: { indicators: true } });
  boardId = board.id;
  const analyst = (email: string) =>
    app.db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, email: true } });
  alice = await analyst("alice@watchfloor.test");
  bob = await analyst("bob@watchfloor.test");
  carol = await analyst("carol@watchfloor.test");
  commenter = await makeAnalyst(app);
  stranger = await makeAnalyst(app);
  await app.db.membership.create({ data: { boardId, userId: commenter.id, role: "commenter" } });
  const [first, second] = board.indicators;
  if (!first || !second) throw new Error("the demo board should have indicators");
  troops = first;
  flights = second;
  source = await app.db.source.findFirstOrThrow({ where: { boardId }, select: { id: true, title: true } });
});

afterAll(() => app?.stop());

/** The board's observation count and last seq: what an import that writes nothing must leave as it was. */
async function boardState() {
  const board = await app.db.board.findUniqueOrThrow({ where: { id: boardId }, select: { lastSeq: true } });
  return { observations: await app.db.observation.count({ where: { indicator: { boardId } } }), seq: board.lastSeq };
}

async function observationIds(): Promise<string[]> {
  const rows = await app.db.observation.findMany({ where: { indicator: { boardId } }, select: { id: true } });
  return rows.map((row) => row.id);
}

/** The line-numbered report of a refused import. */
async function refusalOf(promise: Promise<unknown>): Promise<{ message: string; errors: CsvLineError[] }> {
  const error = await promise.then(
    () => new Error("the import should have been refused"),
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AppError) || error.code !== "VALIDATION") throw error;
  return { message: error.message, errors: (error.issues ?? []).map(fromCsvIssue) };
}

function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "ok",
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );
}

function annotation(overrides: Partial<TAnnotationCreateInput>): TAnnotationCreateInput {
  return { id: randomUUID(), boardId, target: { type: "board" }, body: "A note.", ...overrides };
}

/** An export's bytes as text: exports stream from a worker thread. */
async function bodyText(file: CsvFile): Promise<string> {
  return Buffer.concat(await file.body.toArray()).toString("utf8");
}

/** A passage note's anchor_status from its row: anchored, orphaned (an anchor version but no span), or none. */
function anchorStatusOf(row: { anchorVersion: number | null; anchorStart: number | null }): string {
  if (row.anchorVersion === null) return "";
  return row.anchorStart === null ? "orphaned" : "anchored";
}

function csvRecords(csv: string): Record<string, string>[] {
  return parse(csv, { bom: true, columns: true });
}

describe("importing observations from CSV", () => {
  it("a file with bad rows yields the report (line numbers, columns, messages) and writes nothing", async () => {
    const before = await boardState();
    const publishedBefore = published.length;
    const csv = [
      HEADER,
      `${troops.name},2022-01-20T12:00:00Z,120000,B2,,fine row`,
      `${troops.name},2022-13-01T00:00:00Z,1,,,`,
      `${troops.name},2022-01-20T12:00:00Z,"1,5",,,`,
      `Unknown indicator,2022-01-20T12:00:00Z,1,G7,,`,
      `${troops.name},2022-01-20T12:00:00Z,1,,No such source,"a note`,
      `over two lines"`,
      "",
      `${troops.name},2022-01-20T12:00:00Z`,
      `${troops.name},0999-12-31T23:00:00Z,1,,,${"x".repeat(2_001)}`,
      `${troops.name},2022-01-20T12:00:00Z,1e999,,,`,
    ].join("\r\n");

    const refusal = await refusalOf(importObservationsCsv({ domain, actor: alice, slug: DEMO_SLUG, csv }));

    expect(refusal.errors).toEqual([
      { line: 3, column: "observed_at", message: expect.stringContaining("ISO 8601") },
      { line: 4, column: "value", message: expect.stringContaining("not a number") },
      { line: 5, column: "grade", message: expect.stringContaining("A–F") },
      { line: 5, column: "indicator", message: 'no indicator named "Unknown indicator" on this board' },
      { line: 6, column: "source", message: 'no source named "No such source" on this board' },
      { line: 9, message: "2 fields where the header names 6" },
      { line: 10, column: "observed_at", message: "outside the years 1000–9999" },
      { line: 10, column: "note", message: "a note has at most 2000 characters" },
      { line: 11, column: "value", message: "too large" },
    ]);
    expect(refusal.message).toBe("9 problems in 7 rows; nothing was imported");
    expect(await boardState()).toEqual(before);
    expect(published.length).toBe(publishedBefore);
  });

  it("refuses a file it cannot read as a whole, naming the line", async () => {
    const before = await boardState();
    const headerProblems = await refusalOf(
      importObservationsCsv({ domain, actor: alice, slug: DEMO_SLUG, csv: "indicator,when,value\r\nx,y,1\r\n" }),
    );
    expect(headerProblems.errors).toEqual([
      { line: 1, column: "when", message: expect.stringContaining('unknown column "when"') },
      { line: 1, column: "observed_at", message: 'the column "observed_at" is missing' },
    ]);
    const unclosedQuote = await refusalOf(
      importObservationsCsv({
        domain,
        actor: alice,
        slug: DEMO_SLUG,
        csv: `${HEADER}\n${troops.name},2022-01-20T12:00:00Z,1,,,fine\n${troops.name},2022-01-20T12:00:00Z,1,,,"open\n`,
      }),
    );
    expect(unclosedQuote.errors).toEqual([{ line: 3, message: "a quote opened in this row is never closed" }]);
    const empty = await refusalOf(importObservationsCsv({ domain, actor: alice, slug: DEMO_SLUG, csv: `${HEADER}\n` }));
    expect(empty.errors).toEqual([{ line: 2, message: "no rows after the header" }]);
    expect(await boardState()).toEqual(before);
  });

  it("stops reading at the 200,001st row", async () => {
    const row = `${troops.id},2022-01-20T12:00:00Z,1,,,\n`;
    const csv = `${HEADER}\n${row.repeat(OBSERVATION_CSV_LIMITS.rows + 5)}`;
    const refusal = await refusalOf(importObservationsCsv({ domain, actor: alice, slug: DEMO_SLUG, csv }));
    expect(refusal.errors).toEqual([{ line: 200_002, message: "more than 200,000 rows; split the file" }]);
  });

  it("a good small file imports, with one op observations.imported", async () => {
    const before = await boardState();
    const earlier = await observationIds();
    const publishedBefore = published.length;
    const progress: ImportProgress[] = [];
    // Streamed in 7-byte chunks, so multi-byte characters arrive split, as they do over the network.
    const csv = Buffer.from(
      [
        `\uFEFF${HEADER}`,
        `${troops.name},2022-01-21T12:00:00Z,127000,b2,"${source.title}","Estimate, ""high"" end – Київ"`,
        `${flights.id},2022-01-21T09:30:00+02:00,-3.25,,,"'=HYPERLINK(""x"")"`,
        ` ${troops.name.toUpperCase()} ,2022-01-22T00:00:00.500Z,0,F6,${source.id},`,
      ].join("\n"),
    );
    const chunks = Array.from({ length: Math.ceil(csv.length / 7) }, (_, index) =>
      csv.subarray(index * 7, index * 7 + 7),
    );

    const result = await importObservationsCsv({
      domain,
      actor: bob,
      slug: DEMO_SLUG,
      csv: Readable.from(chunks),
      onProgress: (step) => progress.push(step),
    });

    expect(result).toEqual({ imported: 3, errors: [], rejectedRows: 0 });
    const rows = await app.db.observation.findMany({
      where: { indicator: { boardId }, id: { notIn: earlier } },
      orderBy: { observedAt: "asc" },
      select: {
        createdAt: true,
        indicatorId: true,
        observedAt: true,
        value: true,
        sourceId: true,
        sourceReliability: true,
        infoCredibility: true,
        note: true,
      },
    });
    for (const row of rows) expect(Math.abs(row.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(rows.map(({ createdAt: _, ...row }) => row)).toEqual([
      {
        indicatorId: flights.id,
        observedAt: new Date("2022-01-21T07:30:00Z"),
        value: -3.25,
        sourceId: null,
        sourceReliability: null,
        infoCredibility: null,
        note: '=HYPERLINK("x")',
      },
      {
        indicatorId: troops.id,
        observedAt: new Date("2022-01-21T12:00:00Z"),
        value: 127_000,
        sourceId: source.id,
        sourceReliability: "B",
        infoCredibility: 2,
        note: 'Estimate, "high" end – Київ',
      },
      {
        indicatorId: troops.id,
        observedAt: new Date("2022-01-22T00:00:00.500Z"),
        value: 0,
        sourceId: source.id,
        sourceReliability: "F",
        infoCredibility: 6,
        note: "",
      },
    ]);

    const after = await boardState();
    expect(after).toEqual({ observations: before.observations + 3, seq: before.seq + 1 });
    const ops = await app.db.op.findMany({ where: { boardId, seq: { gt: before.seq } } });
    expect(ops.map((op) => ({ type: op.type, actorId: op.actorId }))).toEqual([
      { type: "observations.imported", actorId: bob.id },
    ]);
    const payload = ops[0]?.payload as { indicatorIds: string[]; count: number };
    expect({ ...payload, indicatorIds: [...payload.indicatorIds].sort() }).toEqual({
      indicatorIds: [troops.id, flights.id].sort(),
      count: 3,
    });
    expect(published.slice(publishedBefore)).toEqual([
      expect.objectContaining({ type: "observations.imported", seq: after.seq, boardId }),
    ]);
    expect(progress.at(-1)).toEqual({ stage: "writing", rows: 3, totalRows: 3 });
  });

  it("in valid-rows mode writes the good rows and reports the others", async () => {
    const before = await boardState();
    const csv = [HEADER, `${troops.name},2022-01-23T12:00:00Z,1,,,`, `${troops.name},yesterday,2,,,`].join("\n");
    const result = await importObservationsCsv({ domain, actor: alice, slug: DEMO_SLUG, csv, mode: "valid-rows" });
    expect(result).toEqual({
      imported: 1,
      errors: [{ line: 3, column: "observed_at", message: expect.stringContaining("ISO 8601") }],
      rejectedRows: 1,
    });
    expect(await boardState()).toEqual({ observations: before.observations + 1, seq: before.seq + 1 });
  });

  it("is refused to a viewer and a commenter, and unknown to a non-member", async () => {
    const before = await boardState();
    const csv = `${HEADER}\n${troops.name},2022-01-20T12:00:00Z,1,,,`;
    expect(await codeOf(importObservationsCsv({ domain, actor: carol, slug: DEMO_SLUG, csv }))).toBe("FORBIDDEN");
    expect(await codeOf(importObservationsCsv({ domain, actor: commenter, slug: DEMO_SLUG, csv }))).toBe("FORBIDDEN");
    expect(await codeOf(importObservationsCsv({ domain, actor: stranger, slug: DEMO_SLUG, csv }))).toBe("NOT_FOUND");
    expect(await boardState()).toEqual(before);
  });
});

describe("exporting a board as CSV", () => {
  beforeAll(async () => {
    // Text that tests the quoting and the formula guard, on every kind of row.
    const hostile = '=HYPERLINK("http://x","click"), then\r\na "quoted" line – Київ';
    await app.db.observation.create({
      data: {
        id: randomUUID(),
        indicatorId: troops.id,
        observedAt: new Date("2022-01-25T06:00:00.123Z"),
        value: -0.1,
        sourceReliability: "C",
        infoCredibility: 3,
        note: hostile,
      },
    });
    const sources = await app.db.source.findMany({ where: { boardId }, take: 2, select: { id: true } });
    await app.db.event.create({
      data: {
        id: randomUUID(),
        boardId,
        title: "-3 battalions move; @watch",
        occurredAt: new Date("2022-01-26T00:00:00Z"),
        endsAt: new Date("2022-01-27T12:00:00Z"),
        category: "military",
        description: hostile,
        sources: { create: sources.map((link) => ({ sourceId: link.id })) },
      },
    });
    const question = await createAnnotation({
      domain,
      actor: alice,
      input: annotation({ kind: "question", body: hostile, tags: ["a", "+b"] }),
    });
    await createAnnotation({
      domain,
      actor: bob,
      input: annotation({
        parentId: question.annotation.id,
        body: "Reply: see the range",
        target: {
          type: "indicator-range",
          indicatorId: troops.id,
          from: "2022-01-10T00:00:00Z",
          to: "2022-01-12T00:00:00Z",
        },
      }),
    });
    await app.db.annotation.update({
      where: { id: question.annotation.id },
      data: { resolvedAt: new Date("2022-01-28T00:00:00Z"), resolvedById: bob.id },
    });
  });

  it("observations round-trip: csv-parse gives back the database's values", async () => {
    const file = await exportObservationsCsv({ db: app.db, workers: app.workers, actor: carol, slug: DEMO_SLUG });
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(file.filename).toBe(`${DEMO_SLUG}-observations.csv`);
    const csv = await bodyText(file);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""click""), then\r\na ""quoted"" line – Київ"`);
    const rows = await app.db.observation.findMany({
      where: { indicator: { boardId } },
      include: { indicator: true, source: true },
    });
    const fromDatabase = rows.map((row) => ({
      id: row.id,
      indicator: row.indicator.name,
      unit: row.indicator.unit,
      observed_at: row.observedAt.toISOString(),
      value: row.value,
      grade: `${row.sourceReliability ?? ""}${row.infoCredibility ?? ""}`,
      source: row.source?.title ?? "",
      note: row.note,
    }));
    const fromCsv = csvRecords(csv).map((record) => ({
      ...record,
      value: Number(record.value),
      note: unguardFormula(record.note ?? ""),
      indicator: unguardFormula(record.indicator ?? ""),
      source: unguardFormula(record.source ?? ""),
    }));
    expect(fromCsv).toHaveLength(fromDatabase.length);
    expect(fromCsv).toEqual(expect.arrayContaining(fromDatabase));
  });

  it("an observations export imports again as the same figures", async () => {
    const figure = (row: Omit<Observation, "id" | "createdAt">) =>
      JSON.stringify([
        row.indicatorId,
        row.observedAt,
        row.value,
        row.sourceId,
        row.sourceReliability,
        row.infoCredibility,
        row.note,
      ]);
    const before = await app.db.observation.findMany({ where: { indicator: { boardId } } });
    const file = await exportObservationsCsv({ db: app.db, workers: app.workers, actor: alice, slug: DEMO_SLUG });

    const result = await importObservationsCsv({
      domain,
      actor: alice,
      slug: DEMO_SLUG,
      csv: await bodyText(file),
    });

    expect(result.imported).toBe(before.length);
    const known = new Set(before.map((row) => row.id));
    const imported = await app.db.observation.findMany({
      where: { indicator: { boardId }, id: { notIn: [...known] } },
    });
    expect(imported.map(figure).sort()).toEqual(before.map(figure).sort());
  });

  it("events round-trip, with their sources", async () => {
    const file = await exportEventsCsv({ db: app.db, workers: app.workers, actor: carol, slug: DEMO_SLUG });
    expect(file.filename).toBe(`${DEMO_SLUG}-events.csv`);
    const events = await app.db.event.findMany({
      where: { boardId },
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
      include: { sources: { include: { source: true } } },
    });
    const fromDatabase = events.map((event) => {
      const sources = event.sources.map((link) => link.source).sort((a, b) => a.title.localeCompare(b.title));
      return {
        id: event.id,
        title: event.title,
        occurred_at: event.occurredAt.toISOString(),
        ends_at: event.endsAt?.toISOString() ?? "",
        category: event.category,
        place: event.placeLabel ?? "",
        longitude: event.placeLongitude === null ? "" : String(event.placeLongitude),
        latitude: event.placeLatitude === null ? "" : String(event.placeLatitude),
        description: event.description,
        grade: `${event.sourceReliability ?? ""}${event.infoCredibility ?? ""}`,
        sources: sources.map((source) => source.title).join("; "),
        source_ids: sources.map((source) => source.id).join("; "),
      };
    });
    const fromCsv = csvRecords(await bodyText(file)).map((record) => ({
      ...record,
      title: unguardFormula(record.title ?? ""),
      description: unguardFormula(record.description ?? ""),
    }));
    expect(fromCsv).toEqual(fromDatabase);
    expect(fromDatabase.some((event) => event.source_ids.includes("; "))).toBe(true);
    // Graded and ungraded events both, so the column is seen written and left empty.
    expect(fromDatabase.some((event) => /^[A-F][1-6]$/.test(event.grade))).toBe(true);
    expect(fromDatabase.some((event) => event.grade === "")).toBe(true);
  });

  it("annotations round-trip: author, time, kind, target in words and as ids, text, thread", async () => {
    const file = await exportAnnotationsCsv({ db: app.db, workers: app.workers, actor: carol, slug: DEMO_SLUG });
    expect(file.filename).toBe(`${DEMO_SLUG}-annotations.csv`);
    const annotations = await app.db.annotation.findMany({
      where: { boardId, deletedAt: null },
      orderBy: { createdAt: "asc" },
      include: { author: true, resolvedBy: true, event: true },
    });
    const fromDatabase = annotations.map((row) => ({
      id: row.id,
      created_at: row.createdAt.toISOString(),
      author: row.author.name,
      kind: row.kind,
      confidence: row.confidence ?? "",
      target_type: row.targetType.replace("_", "-"),
      target_id: row.eventId ?? row.indicatorId ?? row.observationId ?? row.sourceId ?? "",
      target_time:
        row.at?.toISOString() ?? (row.rangeFrom ? `${row.rangeFrom.toISOString()}/${row.rangeTo?.toISOString()}` : ""),
      text: row.body,
      tags: row.tags.join("; "),
      parent_id: row.parentId ?? "",
      resolved_at: row.resolvedAt?.toISOString() ?? "",
      resolved_by: row.resolvedBy?.name ?? "",
      quote: row.quoteExact ?? "",
      anchor_status: anchorStatusOf(row),
    }));
    const records = csvRecords(await bodyText(file));
    const fromCsv = records.map(({ target: _inWords, ...record }) => ({
      ...record,
      text: unguardFormula(record.text ?? ""),
      tags: unguardFormula(record.tags ?? ""),
      quote: unguardFormula(record.quote ?? ""),
    }));
    expect(fromCsv).toEqual(fromDatabase);

    const inWords = (row: (typeof annotations)[number]) => records.find((record) => record.id === row.id)?.target;
    for (const row of annotations) {
      if (row.targetType === "board") expect(inWords(row)).toBe("the board");
      if (row.event) expect(unguardFormula(inWords(row) ?? "")).toBe(row.event.title);
    }
    const reply = annotations.find((row) => row.body === "Reply: see the range");
    expect(reply && inWords(reply)).toBe(`${troops.name}, 2022-01-10 00:00Z – 2022-01-12 00:00Z`);
  });

  it("a passage note gives its quote (formula-guarded) and whether it is still anchored", async () => {
    const sourceId = randomUUID();
    const text =
      "Kyiv says =SUM(A1) of the brigades is no figure anyone can check. Minsk denies any build-up. The talks go on.";
    await app.db.source.create({
      data: {
        id: sourceId,
        boardId,
        title: "Wire 7",
        currentVersion: 1,
        versions: { create: { id: randomUUID(), version: 1, text, format: "text" } },
      },
    });
    const passage = async (exact: string) => {
      const start = text.indexOf(exact);
      const created = await createAnnotation({
        domain,
        actor: alice,
        input: annotation({
          body: `About ${exact}`,
          target: { type: "source-span", sourceId, version: 1, start, end: start + exact.length, exact },
        }),
      });
      return created.annotation.id;
    };
    const formula = await passage("=SUM(A1) of the brigades is no figure anyone can check.");
    const denial = await passage("Minsk denies any build-up.");
    // Version 2 cuts the denial: its note loses its passage, the other keeps its own.
    await reviseSource({
      domain,
      actor: alice,
      input: {
        boardId,
        id: sourceId,
        basedOnVersion: 1,
        text: "Kyiv says =SUM(A1) of the brigades is no figure anyone can check. The talks go on.",
      },
    });

    const file = await exportAnnotationsCsv({ db: app.db, workers: app.workers, actor: carol, slug: DEMO_SLUG });
    const csv = await bodyText(file);
    const row = (id: string) => csvRecords(csv).find((record) => record.id === id);
    expect(row(formula)).toMatchObject({
      target_type: "source-span",
      target_id: sourceId,
      quote: "'=SUM(A1) of the brigades is no figure anyone can check.",
      anchor_status: "anchored",
    });
    expect(row(denial)).toMatchObject({ quote: "Minsk denies any build-up.", anchor_status: "orphaned" });
    const board = csvRecords(csv).find((record) => record.target_type === "board");
    expect(board).toMatchObject({ quote: "", anchor_status: "" });
  });

  it("is unknown to a non-member", async () => {
    for (const exportCsv of [exportObservationsCsv, exportEventsCsv, exportAnnotationsCsv]) {
      expect(await codeOf(exportCsv({ db: app.db, workers: app.workers, actor: stranger, slug: DEMO_SLUG }))).toBe(
        "NOT_FOUND",
      );
    }
  });
});
