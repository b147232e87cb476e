// A board with a long history for the issue 19 benchmarks (as-of, changes): N ops generated in memory
// from a seeded generator, folded with the browser's reducer (lib/board-state.ts) into the state they
// lead to, and written straight through SQL in batches: the op log (times rising with seq over a span),
// the rows that state holds (events, observations, annotations, deleted ones with deletedAt), a genesis
// checkpoint at seq 0 and a periodic checkpoint every `checkpointEvery` ops, as the server would have
// left them. The rows and the log agree: the snapshot board:join reads equals the log replayed.
//
//   const board = await fillLongHistoryBoard(databaseUrl, cast, { ops: 100_000 });
//
// Options (all optional): ops (100,000), checkpointEvery (the server's CHECKPOINT_EVERY; 0 for the
// genesis only, much faster to fill: most of the 100,000-op fill is writing ~100 snapshots), start and
// spanMs (the op times: op i at start + i·spanMs/ops; default 30 days ending an hour ago), seed (1).
// The mix: notes created (30 %), edited (12 %), resolved or reopened (8 %), deleted (3 %) and
// restored (2 %); replies are every fourth new note; figures created (30 %) and edited (5 %); events
// created (5 %) and edited (5 %). Every actor is one of the cast's editors, in turn. Not written:
// revisions of edited notes, mentions (no note names anyone).
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { applyOps, type LiveBoard, liveBoardOf, snapshotOf } from "@/lib/board-state";
import type { WireOp } from "@/lib/ops";
import type { TAnnotationTarget, WireAnnotation } from "@/lib/schemas/annotation";
import type { BoardSnapshot, WireEvent, WireObservation } from "@/lib/schemas/board";
import { readBoardSnapshotJson } from "@/server/boards/read-board-snapshot-json";
import { parseConfig } from "@/server/config";
import { createDatabase } from "@/server/db/client";
import { CHECKPOINT_EVERY } from "@/server/history/checkpoints";
import type { Cast } from "./cast";
import { withClient } from "./scratch-database";
import { seededRandom } from "./seeded-random";

export type LongHistoryOptions = {
  ops?: number;
  checkpointEvery?: number;
  start?: Date;
  spanMs?: number;
  seed?: number;
};

export type LongHistoryBoard = {
  boardId: string;
  lastSeq: number;
  /** Op i's time is firstAt + (i − 1)·stepMs. */
  firstAt: Date;
  lastAt: Date;
  checkpoints: number;
  counts: { annotations: number; deletedAnnotations: number; observations: number; events: number };
};

type Author = { id: string; name: string };
const BATCH_ROWS = 5_000;
const DAY_MS = 86_400_000;

export async function fillLongHistoryBoard(
  databaseUrl: string,
  cast: Cast,
  options: LongHistoryOptions = {},
): Promise<LongHistoryBoard> {
  const count = options.ops ?? 100_000;
  const checkpointEvery = options.checkpointEvery ?? CHECKPOINT_EVERY;
  const spanMs = options.spanMs ?? 30 * DAY_MS;
  const start = options.start ?? new Date(Date.now() - 3_600_000 - spanMs);
  const stepMs = spanMs / count;
  const boardId = cast.board.id;

  const db = createDatabase(databaseUrl, parseConfig({}).databaseTimeouts);
  const genesis = await readBoardSnapshotJson({ db, boardId }).finally(() => db.$disconnect());
  if (genesis.seq !== 0) throw new Error("a long history starts from a board without ops");
  const authors = await withClient(
    databaseUrl,
    async (client) =>
      (
        await client.query<Author>(`SELECT id, name FROM "User" WHERE id = ANY($1::text[]) ORDER BY name`, [
          cast.editors.map((editor) => editor.id),
        ])
      ).rows,
  );
  if (!authors.length) throw new Error("the cast has no editors");

  const generator = historyGenerator(options.seed ?? 1, boardId, authors);
  let board: LiveBoard = liveBoardOf(0, genesis.snapshot.parse());
  const ops: WireOp[] = [];
  const checkpoints: { seq: number; at: string; text: string }[] = [
    { seq: 0, at: start.toISOString(), text: genesis.snapshot.text },
  ];
  for (let seq = 1; seq <= count; seq++) {
    const at = new Date(start.getTime() + (seq - 1) * stepMs).toISOString();
    const op = generator.next(board, seq, at);
    ops.push(op);
    const run = applyOps(board, [op]);
    if (run.gap || run.needsSnapshot) throw new Error(`op ${seq} (${op.type}) did not apply`);
    board = run.board;
    if (checkpointEvery > 0 && seq % checkpointEvery === 0)
      checkpoints.push({ seq, at, text: JSON.stringify(snapshotOf(board.state)) });
  }
  const final = snapshotOf(board.state);
  const deleted = [...generator.deleted.values()];

  await withClient(databaseUrl, async (client) => {
    await client.query("BEGIN");
    // The cast's own rows are the genesis's: only what the history added is written.
    const known = genesisIds(genesis.snapshot.parse());
    await insertIndicators(
      client,
      boardId,
      final.indicators.filter((indicator) => !known.has(indicator.id)).map((indicator) => indicator.id),
    );
    // The cast's event and figure may have been edited: they are written again as the history left them.
    await client.query(`DELETE FROM "Event" WHERE "boardId" = $1`, [boardId]);
    await client.query(`DELETE FROM "Observation" WHERE id = ANY($1::uuid[])`, [[...known]]);
    await insertEvents(client, boardId, final.events);
    await insertObservations(
      client,
      final.indicators.flatMap((indicator) => indicator.observations),
    );
    await insertAnnotations(client, [
      ...final.annotations.map((annotation) => ({ annotation, deletedAt: null })),
      ...deleted,
    ]);
    await insertOps(client, boardId, ops);
    await insertCheckpoints(client, boardId, checkpoints);
    await client.query(`UPDATE "Board" SET "lastSeq" = $2, "createdAt" = $3 WHERE id = $1`, [
      boardId,
      count,
      start.toISOString(),
    ]);
    await client.query("COMMIT");
    await client.query(`ANALYZE "Annotation", "Observation", "Op", "Event", "BoardCheckpoint"`);
  });
  return {
    boardId,
    lastSeq: count,
    firstAt: start,
    lastAt: new Date(start.getTime() + (count - 1) * stepMs),
    checkpoints: checkpoints.length,
    counts: {
      annotations: final.annotations.length,
      deletedAnnotations: deleted.length,
      observations: final.indicators.reduce((sum, indicator) => sum + indicator.observations.length, 0),
      events: final.events.length,
    },
  };
}

function genesisIds(snapshot: BoardSnapshot): Set<string> {
  return new Set([
    ...snapshot.events.map((event) => event.id),
    ...snapshot.indicators.map((indicator) => indicator.id),
    ...snapshot.indicators.flatMap((indicator) => indicator.observations.map((observation) => observation.id)),
    ...snapshot.annotations.map((annotation) => annotation.id),
  ]);
}

/** Picks the next op from what the board holds; remembers deleted notes (their rows stay, deletedAt set). */
function historyGenerator(seed: number, boardId: string, authors: Author[]) {
  const next = seededRandom(seed);
  const int = (below: number) => Math.floor(next() * below);
  const deleted = new Map<string, { annotation: WireAnnotation; deletedAt: string }>();
  // Ids of the notes made, by kind; one deleted since is skipped when picked (a full pass per op would not do).
  const topLevel: string[] = [];
  const replies: string[] = [];
  const indicatorIds: string[] = [];
  let created = 0;
  /** A random one among the last `window` of a list: recent things are the ones people touch. */
  const recent = <T>(items: readonly T[], window = 500): T | undefined =>
    items.length ? items[items.length - 1 - int(Math.min(window, items.length))] : undefined;
  const op = <T extends WireOp["type"]>(seq: number, at: string, actor: Author, type: T, data: unknown): WireOp =>
    ({ boardId, seq, type, actorId: actor.id, at, data }) as WireOp;

  return {
    deleted,
    next(board: LiveBoard, seq: number, at: string): WireOp {
      const actor = authors[seq % authors.length] as Author;
      const state = board.state;
      const notes = state.annotations;
      const live = (ids: string[]) => {
        const id = recent(ids);
        return id === undefined ? undefined : notes.byId.get(id);
      };
      // The history opens with a few indicators, so the figures spread over several series.
      if (indicatorIds.length < 4) {
        const id = randomUUID();
        indicatorIds.push(id);
        const name = `Series ${indicatorIds.length}`;
        return op(seq, at, actor, "indicator.created", {
          id,
          name,
          unit: "trains",
          description: "",
          kind: "count",
          warnAbove: null,
          warnBelow: null,
          color: "#4f8cc9",
        });
      }
      const roll = next();
      const parent = live(topLevel);
      if (roll < 0.3 || !parent) {
        created++;
        const repliesTo = created % 4 === 0 ? parent : undefined;
        const annotation: WireAnnotation = {
          id: randomUUID(),
          boardId,
          author: actor,
          target: repliesTo?.target ?? target(state, int),
          body: `${repliesTo ? "Reply" : "Note"} ${created}: movement reported along the northern rail line.`,
          kind: repliesTo ? "note" : ((["note", "assessment", "question", "warning"] as const)[created % 4] ?? "note"),
          confidence: null,
          tags: created % 3 ? [] : ["rail"],
          parentId: repliesTo?.id ?? null,
          version: 1,
          resolvedAt: null,
          resolvedBy: null,
          automatic: false,
          mentions: [],
          createdAt: at,
          updatedAt: at,
        };
        (repliesTo ? replies : topLevel).push(annotation.id);
        return op(seq, at, actor, "annotation.created", annotation);
      }
      if (roll < 0.42) {
        const note = (roll < 0.36 ? live(replies) : undefined) ?? parent;
        const confidence = (["low", "moderate", "high"] as const)[int(3)] ?? null;
        const edited = { ...note, body: `${note.body} (edited)`, confidence, version: note.version + 1, updatedAt: at };
        return op(seq, at, actor, "annotation.updated", edited);
      }
      if (roll < 0.5) {
        const note = parent;
        if (note) {
          const resolved = note.resolvedAt
            ? { ...note, resolvedAt: null, resolvedBy: null, updatedAt: at }
            : { ...note, resolvedAt: at, resolvedBy: actor, updatedAt: at };
          return op(seq, at, actor, note.resolvedAt ? "annotation.reopened" : "annotation.resolved", resolved);
        }
      }
      if (roll < 0.53) {
        // Only a reply, so no thread loses its root under its replies.
        const note = live(replies);
        if (note) {
          deleted.set(note.id, { annotation: note, deletedAt: at });
          return op(seq, at, actor, "annotation.deleted", { id: note.id, deletedBy: actor });
        }
      }
      if (roll < 0.55) {
        const entry = [...deleted.values()].find(({ annotation }) => notes.byId.has(annotation.parentId ?? ""));
        if (entry) {
          deleted.delete(entry.annotation.id);
          return op(seq, at, actor, "annotation.restored", { ...entry.annotation, updatedAt: at });
        }
      }
      const indicators = state.indicators.list;
      if (roll < 0.85 || roll >= 0.95) {
        const indicator = indicators[int(indicators.length)];
        if (indicator && (roll < 0.8 || indicator.observations.length === 0)) {
          const observation: WireObservation = {
            id: randomUUID(),
            indicatorId: indicator.id,
            observedAt: at,
            value: 1_000 + int(500),
            sourceId: null,
            sourceReliability: null,
            infoCredibility: null,
            note: "",
          };
          return op(seq, at, actor, "observation.created", observation);
        }
        const observation = indicator ? recent(indicator.observations) : undefined;
        if (observation) return op(seq, at, actor, "observation.updated", { ...observation, value: 900 + int(700) });
      }
      if (roll < 0.9 || state.events.list.length === 0) {
        const event: WireEvent = {
          id: randomUUID(),
          title: `Event ${seq}`,
          occurredAt: at,
          endsAt: null,
          category: "military",
          place: null,
          description: "",
          sourceIds: [],
          sourceReliability: null,
          infoCredibility: null,
          loggedAt: at,
        };
        return op(seq, at, actor, "event.created", event);
      }
      const event = recent(state.events.list) as WireEvent;
      return op(seq, at, actor, "event.updated", { ...event, title: `${event.title} (updated)` });
    },
  };
}

/** The board, a recent event or figure, or an indicator at a time, in turn. */
function target(state: LiveBoard["state"], int: (below: number) => number): TAnnotationTarget {
  const events = state.events.list;
  const indicators = state.indicators.list;
  const choice = int(4);
  const event = events[events.length - 1 - int(Math.min(50, events.length))];
  if (choice === 1 && event) return { type: "event", eventId: event.id };
  const indicator = indicators[int(indicators.length)];
  const observation = indicator?.observations[indicator.observations.length - 1];
  if (choice === 2 && observation) return { type: "observation", observationId: observation.id };
  if (choice === 3 && indicator && observation) {
    return { type: "indicator", indicatorId: indicator.id, at: observation.observedAt };
  }
  return { type: "board" };
}

async function insertBatched(client: pg.Client, sql: string, fixed: unknown[], columns: unknown[][]): Promise<void> {
  const rows = columns[0]?.length ?? 0;
  for (let start = 0; start < rows; start += BATCH_ROWS) {
    await client.query(sql, [...fixed, ...columns.map((column) => column.slice(start, start + BATCH_ROWS))]);
  }
}

/**
 * The history's indicators, named and shaped as its indicator.created ops say. Their createdAt follows
 * the cast's own indicator (made just now), in creation order: the snapshot lists indicators by createdAt.
 */
async function insertIndicators(client: pg.Client, boardId: string, ids: string[]): Promise<void> {
  await client.query(
    `INSERT INTO "Indicator" (id, "boardId", name, unit, color, "createdAt", "updatedAt")
     SELECT id, $1::uuid, 'Series ' || n, 'trains', '#4f8cc9', now() + n * interval '1 ms', now()
     FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, n)`,
    [boardId, ids],
  );
}

async function insertEvents(client: pg.Client, boardId: string, events: WireEvent[]): Promise<void> {
  await insertBatched(
    client,
    `INSERT INTO "Event" (id, "boardId", title, "occurredAt", category, description, "createdAt", "updatedAt")
     SELECT id, $1::uuid, title, "occurredAt", category, description, "createdAt", "createdAt"
     FROM unnest($2::uuid[], $3::text[], $4::timestamp(3)[], $5::"EventCategory"[], $6::text[], $7::timestamp(3)[])
       AS t(id, title, "occurredAt", category, description, "createdAt")`,
    [boardId],
    [
      events.map((e) => e.id),
      events.map((e) => e.title),
      events.map((e) => e.occurredAt),
      events.map((e) => e.category),
      events.map((e) => e.description),
      events.map((e) => e.loggedAt),
    ],
  );
}

async function insertObservations(client: pg.Client, observations: WireObservation[]): Promise<void> {
  await insertBatched(
    client,
    `INSERT INTO "Observation" (id, "indicatorId", "observedAt", value, note)
     SELECT id, "indicatorId", "observedAt", value, '' FROM unnest($1::uuid[], $2::uuid[], $3::timestamp(3)[],
       $4::double precision[]) AS t(id, "indicatorId", "observedAt", value)`,
    [],
    [
      observations.map((o) => o.id),
      observations.map((o) => o.indicatorId),
      observations.map((o) => o.observedAt),
      observations.map((o) => o.value),
    ],
  );
}

async function insertAnnotations(
  client: pg.Client,
  rows: { annotation: WireAnnotation; deletedAt: string | null }[],
): Promise<void> {
  const column = <T>(read: (annotation: WireAnnotation) => T) => rows.map(({ annotation }) => read(annotation));
  const targetField = (field: "eventId" | "indicatorId" | "observationId" | "at") =>
    column(({ target }) => (field in target ? (target as Record<string, string>)[field] : null));
  await insertBatched(
    client,
    `INSERT INTO "Annotation" (id, "boardId", "authorId", "targetType", "eventId", "indicatorId", "observationId", at,
       body, kind, confidence, tags, "parentId", version, "resolvedAt", "resolvedById", "createdAt", "updatedAt",
       "deletedAt")
     SELECT id, "boardId", "authorId", "targetType", "eventId", "indicatorId", "observationId", at, body, kind,
       confidence, CASE WHEN tags = '' THEN '{}'::text[] ELSE string_to_array(tags, ',') END, "parentId", version,
       "resolvedAt", "resolvedById", "createdAt", "updatedAt", "deletedAt"
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::"AnnotationTargetType"[], $5::uuid[], $6::uuid[], $7::uuid[],
       $8::timestamp(3)[], $9::text[], $10::"AnnotationKind"[], $11::"Confidence"[], $12::text[], $13::uuid[],
       $14::int[], $15::timestamp(3)[], $16::text[], $17::timestamp(3)[], $18::timestamp(3)[], $19::timestamp(3)[])
       AS t(id, "boardId", "authorId", "targetType", "eventId", "indicatorId", "observationId", at, body, kind,
         confidence, tags, "parentId", version, "resolvedAt", "resolvedById", "createdAt", "updatedAt", "deletedAt")`,
    [],
    [
      column((a) => a.id),
      column((a) => a.boardId),
      column((a) => a.author.id),
      column((a) => a.target.type),
      targetField("eventId"),
      targetField("indicatorId"),
      targetField("observationId"),
      targetField("at"),
      column((a) => a.body),
      column((a) => a.kind),
      column((a) => a.confidence),
      column((a) => a.tags.join(",")),
      column((a) => a.parentId),
      column((a) => a.version),
      column((a) => a.resolvedAt),
      column((a) => a.resolvedBy?.id ?? null),
      column((a) => a.createdAt),
      column((a) => a.updatedAt),
      rows.map(({ deletedAt }) => deletedAt),
    ],
  );
}

async function insertOps(client: pg.Client, boardId: string, ops: WireOp[]): Promise<void> {
  await insertBatched(
    client,
    `INSERT INTO "Op" ("boardId", seq, type, "entityId", payload, "actorId", "createdAt")
     SELECT $1::uuid, seq, type, "entityId", payload, "actorId", "createdAt"
     FROM unnest($2::int[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::timestamp(3)[])
       AS t(seq, type, "entityId", payload, "actorId", "createdAt")`,
    [boardId],
    [
      ops.map((op) => op.seq),
      ops.map((op) => op.type),
      ops.map((op) => ("id" in op.data ? String(op.data.id) : boardId)),
      ops.map((op) => JSON.stringify(op.data)),
      ops.map((op) => op.actorId),
      ops.map((op) => op.at),
    ],
  );
}

async function insertCheckpoints(
  client: pg.Client,
  boardId: string,
  checkpoints: { seq: number; at: string; text: string }[],
): Promise<void> {
  for (const checkpoint of checkpoints) {
    await client.query(
      `INSERT INTO "BoardCheckpoint" ("boardId", seq, at, origin, snapshot) VALUES ($1, $2, $3, $4, $5::jsonb)`,
      [boardId, checkpoint.seq, checkpoint.at, checkpoint.seq === 0 ? "genesis" : "periodic", checkpoint.text],
    );
  }
}
