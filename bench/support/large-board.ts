// Fills a cast's board for the board-load scenario straight through SQL, column arrays unnested in
// batches: events, indicators, observations and annotations, each with the ops the server would have
// logged (one observations.imported for the figures, as a CSV import writes), so the op log and
// Board.lastSeq agree with the rows. Through the API, 20,000 annotations would take minutes.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { TAnnotationTarget, WireAnnotation } from "@/lib/schemas/annotation";
import type { WireEvent, WireIndicator } from "@/lib/schemas/board";
import type { WirePlace } from "@/lib/schemas/place";
import type { Cast } from "./cast";
import { withClient } from "./scratch-database";

export type LargeBoardSizes = { annotations: number; observations: number; indicators: number; events: number };

/** What the filled board holds in total (the cast's own event, indicator and observation included). */
export type LargeBoard = LargeBoardSizes & { topLevelAnnotations: number; lastSeq: number };

type Author = { id: string; name: string };
type Indicator = Omit<WireIndicator, "observations">;
type Op = { type: string; entityId: string; payload: unknown };

const BATCH_ROWS = 5_000;
const SPAN_START = Date.parse("2022-01-01T00:00:00Z");
const SPAN_MS = 90 * 86_400_000;
const CATEGORIES = ["military", "diplomatic", "economic", "political", "humanitarian"] as const;
const KINDS = ["note", "assessment", "question", "warning"] as const;
const TAG_SETS = ["", "troops", "logistics,rail", "", "air-defence"];
const COLORS = ["#c94f4f", "#4fc97a", "#c9a84f", "#8a4fc9", "#4fb8c9"];
/** Every fifth annotation is a reply, to one of the two annotations before it (neither is a reply). */
const REPLY_EVERY = 5;

export async function fillLargeBoard(databaseUrl: string, cast: Cast, sizes: LargeBoardSizes): Promise<LargeBoard> {
  return withClient(databaseUrl, async (client) => {
    await client.query("BEGIN");
    const authors = (
      await client.query<Author>(`SELECT id, name FROM "User" WHERE id = ANY($1::text[]) ORDER BY name`, [
        cast.editors.map((editor) => editor.id),
      ])
    ).rows;
    if (authors.length === 0) throw new Error("the cast has no editors to author annotations");
    const boardId = cast.board.id;
    const events = await insertEvents(client, boardId, sizes.events - 1);
    const indicators = await insertIndicators(client, boardId, sizes.indicators - 1);
    const indicatorIds = [cast.board.indicatorId, ...indicators.map((indicator) => indicator.id)];
    const observationIds = await insertObservations(client, indicatorIds, sizes.observations - 1);
    const annotations = buildAnnotations(sizes.annotations, {
      boardId,
      authors,
      eventIds: [cast.board.eventId, ...events.map((event) => event.id)],
      indicatorIds,
      observationIds: [cast.board.observationId, ...observationIds],
    });
    await insertAnnotations(client, annotations);
    const ops: Op[] = [
      ...events.map((event) => ({ type: "event.created", entityId: event.id, payload: event })),
      ...indicators.map((indicator) => ({ type: "indicator.created", entityId: indicator.id, payload: indicator })),
      {
        type: "observations.imported",
        entityId: boardId,
        payload: { indicatorIds, count: observationIds.length },
      },
      ...annotations.map((annotation) => ({
        type: "annotation.created",
        entityId: annotation.id,
        payload: annotation,
      })),
    ];
    const lastSeq = await appendOps(client, boardId, authors[0]?.id ?? null, ops);
    await client.query("COMMIT");
    // Fresh statistics, as a board that grew over weeks would have: the planner should not guess.
    await client.query(`ANALYZE "Annotation", "Observation", "Op"`);
    return {
      ...sizes,
      topLevelAnnotations: annotations.filter((annotation) => annotation.parentId === null).length,
      lastSeq,
    };
  });
}

/** One INSERT … SELECT FROM unnest(…) per batch of rows; `columns` are the arrays after `fixed` parameters. */
async function insertBatched(client: pg.Client, sql: string, fixed: unknown[], columns: unknown[][]): Promise<void> {
  const rows = columns[0]?.length ?? 0;
  for (let start = 0; start < rows; start += BATCH_ROWS) {
    await client.query(sql, [...fixed, ...columns.map((column) => column.slice(start, start + BATCH_ROWS))]);
  }
}

/** The `index`th of `count` instants spread over the board's span. */
const instant = (index: number, count: number) => new Date(SPAN_START + Math.floor((index * SPAN_MS) / count));
const pick = <T>(values: readonly T[], index: number): T => values[index % values.length] as T;

/**
 * A point in Europe (10° W – 40° E, 36° – 60° N) for the `index`th event: additive recurrences with
 * irrational steps spread the points evenly without clumping, the same on every run, so the map has
 * markers to draw and to cluster.
 */
function placeInEurope(index: number): WirePlace {
  const fraction = (step: number) => (index * step) % 1;
  const round = (degrees: number) => Math.round(degrees * 1e5) / 1e5;
  return {
    label: `Site ${index % 97}`,
    longitude: round(-10 + 50 * fraction(0.6180339887)),
    latitude: round(36 + 24 * fraction(0.7548776662)),
  };
}

async function insertEvents(client: pg.Client, boardId: string, count: number): Promise<WireEvent[]> {
  const events: WireEvent[] = Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    title: `Event ${index + 1}`,
    occurredAt: instant(index, count).toISOString(),
    endsAt: null,
    category: pick(CATEGORIES, index),
    place: index % 3 ? placeInEurope(index) : null,
    description: `What was reported about event ${index + 1}.`,
    sourceIds: [],
    sourceReliability: null,
    infoCredibility: null,
    loggedAt: new Date().toISOString(),
  }));
  await insertBatched(
    client,
    `INSERT INTO "Event" (id, "boardId", title, "occurredAt", category, "placeLabel", "placeLongitude",
       "placeLatitude", description, "updatedAt")
     SELECT t.*, now() FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamp(3)[], $5::"EventCategory"[],
       $6::text[], $7::float8[], $8::float8[], $9::text[]) AS t`,
    [],
    [
      events.map((event) => event.id),
      events.map(() => boardId),
      events.map((event) => event.title),
      events.map((event) => event.occurredAt),
      events.map((event) => event.category),
      events.map((event) => event.place?.label ?? null),
      events.map((event) => event.place?.longitude ?? null),
      events.map((event) => event.place?.latitude ?? null),
      events.map((event) => event.description),
    ],
  );
  return events;
}

async function insertIndicators(client: pg.Client, boardId: string, count: number): Promise<Indicator[]> {
  const indicators: Indicator[] = Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    name: `Indicator ${index + 2}`,
    unit: index % 2 ? "sorties" : "trains",
    description: "",
    kind: "count",
    warnAbove: null,
    warnBelow: null,
    color: pick(COLORS, index),
  }));
  // Created after the cast's own indicator, in this order: the snapshot lists indicators by createdAt.
  const createdAt = indicators.map((_, index) => new Date(Date.now() + index + 1).toISOString());
  await insertBatched(
    client,
    `INSERT INTO "Indicator" (id, "boardId", name, unit, color, "createdAt", "updatedAt")
     SELECT id, "boardId", name, unit, color, "createdAt", "createdAt"
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamp(3)[])
       AS t(id, "boardId", name, unit, color, "createdAt")`,
    [],
    [
      indicators.map((indicator) => indicator.id),
      indicators.map(() => boardId),
      indicators.map((indicator) => indicator.name),
      indicators.map((indicator) => indicator.unit),
      indicators.map((indicator) => indicator.color),
      createdAt,
    ],
  );
  return indicators;
}

/** Round-robin over the indicators, each series evenly over the span; a grade and a note on some. */
async function insertObservations(client: pg.Client, indicatorIds: string[], count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  const perIndicator = Math.ceil(count / indicatorIds.length);
  const step = (index: number) => Math.floor(index / indicatorIds.length);
  await insertBatched(
    client,
    `INSERT INTO "Observation" (id, "indicatorId", "observedAt", value, "sourceReliability", "infoCredibility", note)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamp(3)[], $4::double precision[],
       $5::"SourceReliability"[], $6::int[], $7::text[])`,
    [],
    [
      ids,
      ids.map((_, index) => pick(indicatorIds, index)),
      ids.map((_, index) => instant(step(index), perIndicator).toISOString()),
      ids.map((_, index) =>
        Math.round(1_000 + 400 * Math.sin(step(index) / 200) + (index % indicatorIds.length) * 150),
      ),
      ids.map((_, index) => (index % 3 ? pick(["A", "B", "C"], index) : null)),
      ids.map((_, index) => (index % 3 ? (index % 6) + 1 : null)),
      ids.map((_, index) => (index % 10 === 0 ? `Estimate, row ${index}` : "")),
    ],
  );
  return ids;
}

function buildAnnotations(
  count: number,
  board: { boardId: string; authors: Author[]; eventIds: string[]; indicatorIds: string[]; observationIds: string[] },
): WireAnnotation[] {
  const firstAt = Date.now() - count * 1_000;
  const annotations: WireAnnotation[] = [];
  for (let index = 0; index < count; index++) {
    const parent = index % REPLY_EVERY === REPLY_EVERY - 1 ? annotations[index - 1 - (index % 2)] : undefined;
    const createdAt = new Date(firstAt + index * 1_000).toISOString();
    const author = pick(board.authors, index);
    const tags = pick(TAG_SETS, index);
    annotations.push({
      id: randomUUID(),
      boardId: board.boardId,
      author: { id: author.id, name: author.name },
      target: parent ? parent.target : targetFor(index, board),
      body: `${parent ? "Reply" : "Annotation"} ${index + 1}: movement reported along the northern rail line, to be confirmed.`,
      kind: pick(KINDS, index),
      confidence: index % 2 ? pick(["low", "moderate", "high"] as const, index) : null,
      tags: tags ? tags.split(",") : [],
      parentId: parent?.id ?? null,
      version: 1,
      resolvedAt: null,
      resolvedBy: null,
      automatic: false,
      mentions: [],
      createdAt,
      updatedAt: createdAt,
    });
  }
  return annotations;
}

/** Board, event, indicator (a point in time) and observation targets in turn. */
function targetFor(index: number, board: { eventIds: string[]; indicatorIds: string[]; observationIds: string[] }) {
  const targets: (() => TAnnotationTarget)[] = [
    () => ({ type: "board" }),
    () => ({ type: "event", eventId: pick(board.eventIds, index) }),
    () => ({
      type: "indicator",
      indicatorId: pick(board.indicatorIds, index),
      at: instant(index % 97, 97).toISOString(),
    }),
    () => ({ type: "observation", observationId: pick(board.observationIds, index * 7_919) }),
  ];
  return pick(targets, index)();
}

async function insertAnnotations(client: pg.Client, annotations: WireAnnotation[]): Promise<void> {
  const column = <T>(read: (annotation: WireAnnotation) => T) => annotations.map(read);
  const targetField = (field: "eventId" | "indicatorId" | "observationId" | "at") =>
    column(({ target }) => (field in target ? (target as Record<string, string>)[field] : null));
  await insertBatched(
    client,
    `INSERT INTO "Annotation" (id, "boardId", "authorId", "targetType", "eventId", "indicatorId", "observationId", at,
       body, kind, confidence, tags, "parentId", "createdAt", "updatedAt")
     SELECT id, "boardId", "authorId", "targetType", "eventId", "indicatorId", "observationId", at, body, kind,
       confidence, CASE WHEN tags = '' THEN '{}'::text[] ELSE string_to_array(tags, ',') END, "parentId", "createdAt",
       "createdAt"
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::"AnnotationTargetType"[], $5::uuid[], $6::uuid[], $7::uuid[],
       $8::timestamp(3)[], $9::text[], $10::"AnnotationKind"[], $11::"Confidence"[], $12::text[], $13::uuid[],
       $14::timestamp(3)[])
       AS t(id, "boardId", "authorId", "targetType", "eventId", "indicatorId", "observationId", at, body, kind,
         confidence, tags, "parentId", "createdAt")`,
    [],
    [
      column((annotation) => annotation.id),
      column((annotation) => annotation.boardId),
      column((annotation) => annotation.author.id),
      column((annotation) => annotation.target.type),
      targetField("eventId"),
      targetField("indicatorId"),
      targetField("observationId"),
      targetField("at"),
      column((annotation) => annotation.body),
      column((annotation) => annotation.kind),
      column((annotation) => annotation.confidence),
      column((annotation) => annotation.tags.join(",")),
      column((annotation) => annotation.parentId),
      column((annotation) => annotation.createdAt),
    ],
  );
}

/** The ops after the board's current lastSeq, in order; answers the new lastSeq. */
async function appendOps(client: pg.Client, boardId: string, actorId: string | null, ops: Op[]): Promise<number> {
  const board = await client.query<{ lastSeq: number }>(`SELECT "lastSeq" FROM "Board" WHERE id = $1 FOR UPDATE`, [
    boardId,
  ]);
  const firstSeq = (board.rows[0]?.lastSeq ?? 0) + 1;
  await insertBatched(
    client,
    `INSERT INTO "Op" ("boardId", seq, type, "entityId", payload, "actorId")
     SELECT $1::uuid, seq, type, "entityId", payload, $2::text
     FROM unnest($3::int[], $4::text[], $5::text[], $6::jsonb[]) AS t(seq, type, "entityId", payload)`,
    [boardId, actorId],
    [
      ops.map((_, index) => firstSeq + index),
      ops.map((op) => op.type),
      ops.map((op) => op.entityId),
      ops.map((op) => JSON.stringify(op.payload)),
    ],
  );
  const lastSeq = firstSeq + ops.length - 1;
  await client.query(`UPDATE "Board" SET "lastSeq" = $2 WHERE id = $1`, [boardId, lastSeq]);
  return lastSeq;
}
