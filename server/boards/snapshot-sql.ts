// The board snapshot as JSON text, written by PostgreSQL in ONE statement: one statement reads one
// snapshot of the database, so the board's lastSeq and its contents describe the same moment without a
// transaction, and 100,000 observations are never hydrated into Prisma objects (issue 11: that read took
// 1.6 s for 20,000 annotations and 100,000 observations, 36 % of it Prisma and 26 % garbage collection).
//
// Observations and annotations come as rows of up to CHUNK objects each: one 30 MB value cost PostgreSQL
// and node-postgres ten times what the same bytes cost in rows of a few hundred KB (one huge allocation
// and buffer merge each). Their objects are concatenated text, which PostgreSQL writes in about half the
// time row_to_json takes; the small parts use row_to_json. Every object has the fields the toWire*
// functions write, in their order, with their nulls, instants as Date#toISOString writes them:
// tests/integration/board-snapshot-sql.test.ts holds the result equal to the Prisma-built snapshot.
// Ties in an ORDER BY fall back to ctid: an arbitrary but stable tie-break within one statement (an
// UPDATE moves a row's ctid, so it is not the order the rows were written in). Annotations break ties by
// id instead, as the clients' reducer orders them (oldestFirst): a group commit gives a whole batch one
// createdAt, and a board replayed as of an instant must list them as board:join does.
import type { TargetType } from "@/lib/targets/target-kinds";
import { SERVER_TARGET_KINDS } from "../annotations/target-kinds";
import { Prisma } from "../db/generated/client";

/** Objects per row of observations or annotations. */
const CHUNK = 1000;

export type SnapshotPart = "board" | "events" | "sources" | "members" | "indicator" | "observations" | "annotations";

/**
 * One piece of the snapshot's JSON. `board`, `events`, `sources` and `members` (in no particular order)
 * are whole; `indicator` is one indicator without its observations, at `position` in the board's order;
 * `observations` and `annotations` are comma-separated runs of objects, the `chunk`-th of their list
 * (observations: of the indicator at `position`). No rows when there is no such board.
 */
export type SnapshotRow = { seq: number; part: SnapshotPart; position: number; chunk: number; text: string };

/** Date#toISOString's format; the columns are timestamp(3) holding UTC, as Prisma writes them. */
const iso = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** A uuid, an enum or an instant (nothing that needs escaping) as a JSON string, or null. */
const quoted = (expression: string) => `coalesce('"' || ${expression} || '"', 'null')`;
/** Any value as JSON (strings escaped), or null. */
const json = (expression: string) => `coalesce(to_json(${expression})::text, 'null')`;
/** A finite number as JSON; NaN and the infinities as null, as JSON.stringify writes them. */
const finite = (expression: string) =>
  `CASE WHEN ${expression} IN ('NaN', 'Infinity', '-Infinity') THEN 'null' ELSE ${expression}::text END`;
const person = (alias: string) => `json_build_object('id', ${alias}.id, 'name', ${alias}.name)`;

export function snapshotSql(boardId: string): Prisma.Sql {
  return Prisma.sql`
    WITH board AS (SELECT * FROM "Board" WHERE id = ${boardId}::uuid),
    indicators AS (
      SELECT i.*, row_number() OVER (ORDER BY i."createdAt", i.ctid)::int AS position
      FROM "Indicator" i JOIN board ON i."boardId" = board.id
    ),
    parts AS (${PARTS})
    SELECT board."lastSeq" AS seq, parts.* FROM board CROSS JOIN parts`;
}

const BOARD = `
  SELECT 'board' AS part, 0 AS position, 0 AS chunk, row_to_json(x)::text AS text
  FROM board b CROSS JOIN LATERAL (
    SELECT b.id, b.slug, b.title, b.description, b.handling, b."archivedAt" IS NOT NULL AS archived
  ) x`;

/**
 * An event's place as toWireEvent writes it (server/content/place-columns.ts): null, or label, longitude,
 * latitude in that order and gazetteerId only when stored (json_strip_nulls keeps the order of the rest).
 */
const PLACE = `CASE WHEN e."placeLabel" IS NULL THEN NULL ELSE json_strip_nulls(json_build_object('label', e."placeLabel",
      'longitude', e."placeLongitude", 'latitude', e."placeLatitude", 'gazetteerId', e."placeGazetteerId")) END`;

const EVENTS = `
  SELECT 'events', 0, 0, coalesce(json_agg(x ORDER BY e."occurredAt", e.ctid), '[]')::text
  FROM "Event" e JOIN board ON e."boardId" = board.id
  CROSS JOIN LATERAL (
    SELECT e.id, e.title, ${iso('e."occurredAt"')} AS "occurredAt", ${iso('e."endsAt"')} AS "endsAt", e.category,
      ${PLACE} AS place, e.description,
      coalesce((SELECT json_agg(es."sourceId" ORDER BY es.ctid) FROM "EventSource" es WHERE es."eventId" = e.id),
        '[]') AS "sourceIds",
      e."sourceReliability", e."infoCredibility", ${iso('e."createdAt"')} AS "loggedAt"
  ) x`;

const SOURCES = `
  SELECT 'sources', 0, 0, coalesce(json_agg(x ORDER BY s."publishedAt", s.ctid), '[]')::text
  FROM "Source" s JOIN board ON s."boardId" = board.id
  CROSS JOIN LATERAL (
    SELECT s.id, s.title, s.publisher, ${iso('s."publishedAt"')} AS "publishedAt", s.reliability, s."currentVersion"
  ) x`;

const MEMBERS = `
  SELECT 'members', 0, 0, coalesce(json_agg(x), '[]')::text
  FROM "Membership" ms JOIN board ON ms."boardId" = board.id
  JOIN "User" u ON u.id = ms."userId"
  CROSS JOIN LATERAL (SELECT ms."userId", u.name, u.email, ms.role) x`;

const INDICATOR = `
  SELECT 'indicator', i.position, 0, row_to_json(x)::text
  FROM indicators i CROSS JOIN LATERAL (
    SELECT i.id, i.name, i.unit, i.description, i.kind, i."warnAbove", i."warnBelow", i.color
  ) x`;

const OBSERVATIONS = `
  SELECT 'observations', position, (index / ${CHUNK})::int, string_agg(text, ',' ORDER BY index)
  FROM (
    SELECT i.position,
      row_number() OVER (PARTITION BY i.position ORDER BY o."observedAt", o.ctid) - 1 AS index,
      '{"id":"' || o.id || '","indicatorId":"' || o."indicatorId" || '","observedAt":"' || ${iso('o."observedAt"')} ||
      '","value":' || ${finite("o.value")} || ',"sourceId":' || ${quoted('o."sourceId"')} ||
      ',"sourceReliability":' || ${quoted('o."sourceReliability"')} ||
      ',"infoCredibility":' || ${json('o."infoCredibility"')} || ',"note":' || to_json(o.note) || '}' AS text
    FROM "Observation" o JOIN indicators i ON o."indicatorId" = i.id
  ) x
  GROUP BY position, index / ${CHUNK}`;

/** The target rebuilt from its columns, as to-wire-annotation.ts does: each kind's own SQL (target-kinds.ts). */
const TARGET = `CASE a."targetType"
    ${(Object.keys(SERVER_TARGET_KINDS) as TargetType[])
      .map((type) => `WHEN '${SERVER_TARGET_KINDS[type].storedAs}' THEN ${SERVER_TARGET_KINDS[type].snapshotJson(iso)}`)
      .join("\n    ")}
  END`;

/** A passage's anchor, as to-wire-annotation.ts writes it; nothing for other kinds. */
const ANCHOR = `CASE
    WHEN a."anchorVersion" IS NULL THEN ''
    WHEN a."anchorStart" IS NULL OR a."anchorEnd" IS NULL
      THEN ',"anchor":{"status":"orphaned","version":' || a."anchorVersion" || '}'
    ELSE ',"anchor":{"status":"anchored","version":' || a."anchorVersion" || ',"start":' || a."anchorStart" ||
      ',"end":' || a."anchorEnd" || '}'
  END`;

/** What an evidence passage is evidence for, as to-wire-annotation.ts writes it; nothing for other annotations. */
const EVIDENCE = `CASE
    WHEN a."evidenceEventId" IS NOT NULL
      THEN ',"evidenceFor":{"type":"event","eventId":"' || a."evidenceEventId" || '"}'
    WHEN a."evidenceObservationId" IS NOT NULL
      THEN ',"evidenceFor":{"type":"observation","observationId":"' || a."evidenceObservationId" || '"}'
    ELSE ''
  END`;

/** Live annotations (not deleted), with their mentions gathered in one pass over the board's. */
const ANNOTATIONS = `
  SELECT 'annotations', 0, (index / ${CHUNK})::int, string_agg(text, ',' ORDER BY index)
  FROM (
    SELECT row_number() OVER (ORDER BY a."createdAt", a.id) - 1 AS index,
      '{"id":"' || a.id || '","boardId":"' || a."boardId" || '","author":' || ${person("author")} ||
      ',"target":' || ${json(TARGET)} || ',"body":' || to_json(a.body) || ',"kind":"' || a.kind ||
      '","confidence":' || ${quoted("a.confidence")} || ',"tags":' || coalesce(to_json(a.tags)::text, '[]') ||
      ',"parentId":' || ${quoted('a."parentId"')} || ',"version":' || a.version ||
      ',"resolvedAt":' || ${quoted(iso('a."resolvedAt"'))} ||
      ',"resolvedBy":' || CASE WHEN resolver.id IS NULL THEN 'null' ELSE ${person("resolver")}::text END ||
      ',"automatic":' || CASE WHEN a.automatic THEN 'true' ELSE 'false' END || ',"mentions":' || coalesce(m.mentions::text, '[]') ||
      ',"createdAt":"' || ${iso('a."createdAt"')} || '","updatedAt":"' || ${iso('a."updatedAt"')} || '"' ||
      ${ANCHOR} || ${EVIDENCE} || '}' AS text
    FROM "Annotation" a JOIN board ON a."boardId" = board.id
    JOIN "User" author ON author.id = a."authorId"
    LEFT JOIN "User" resolver ON resolver.id = a."resolvedById"
    LEFT JOIN (
      SELECT m."annotationId", json_agg(${person("u")} ORDER BY m."createdAt", m.ctid) AS mentions
      FROM "Mention" m JOIN board ON m."boardId" = board.id
      JOIN "User" u ON u.id = m."userId"
      GROUP BY m."annotationId"
    ) m ON m."annotationId" = a.id
    WHERE a."deletedAt" IS NULL
  ) x
  GROUP BY index / ${CHUNK}`;

const PARTS = Prisma.raw(
  [BOARD, EVENTS, SOURCES, MEMBERS, INDICATOR, OBSERVATIONS, ANNOTATIONS]
    .map((part) => `(${part})`)
    .join(" UNION ALL "),
);
