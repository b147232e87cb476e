// The changes summary as ONE statement over the board's op log (issue 19): the window is read once (a
// materialized CTE), the counts are FILTER aggregates over one pass of it, and only the few rows that need
// more (figures beyond a threshold, replies, the items shown) look anything else up. Nothing is replayed:
// each op's payload holds the wire object it wrote. The rules are docs/http-api.md's "What changed".
import { Prisma } from "../db/generated/client";

/** Op types by what they mean to the handover. Constants of this file, so inlined as SQL literals. */
const UPDATE_TYPES = [
  "annotation.updated",
  "annotation.resolved",
  "annotation.reopened",
  "annotation.restored",
  "annotation.attached",
  "event.updated",
  "source.updated",
  "source.revised",
  "indicator.updated",
  "observation.updated",
];
const DELETE_TYPES = [
  "annotation.deleted",
  "event.deleted",
  "source.deleted",
  "indicator.deleted",
  "observation.deleted",
];
const CREATE_TYPES = [
  "annotation.created",
  "event.created",
  "source.created",
  "indicator.created",
  "observation.created",
];
/** The ops whose payload is the whole annotation: the version an update is compared with. */
const ANNOTATION_STATE_TYPES = [
  "annotation.created",
  "annotation.updated",
  "annotation.resolved",
  "annotation.reopened",
  "annotation.restored",
  "annotation.attached",
];

const list = (types: readonly string[]) => Prisma.raw(types.map((type) => `'${type}'`).join(", "));
/** Date#toISOString's format; Op times are timestamp(3) holding UTC. */
const iso = (column: string) => Prisma.raw(`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export type ChangesRow = {
  sinceSeq: number;
  sinceAt: string | null;
  untilSeq: number;
  untilAt: string | null;
  events: number;
  observations: number;
  annotations: number;
  replies: number;
  edits: number;
  deletions: number;
  warnings: WarningRow[] | null;
  threads: ThreadRow[] | null;
  items: ItemRow[] | null;
};
export type WarningRow = {
  indicatorId: string;
  observationId: string;
  value: number;
  threshold: number;
  direction: "above" | "below";
};
export type ThreadRow = { rootId: string; newReplies: number; mentionsYou: boolean };
/** What the label is made of; `data` is the op's payload, or for a deletion the thing's last known state. */
export type ItemRow = {
  seq: number;
  at: string;
  kind: "event" | "observation" | "annotation" | "reply" | "edit" | "deletion" | "confidence";
  opType: string;
  entityId: string;
  actorId: string | null;
  actorName: string | null;
  title: string | null;
  body: string | null;
  value: number | null;
  count: number | null;
  indicatorId: string | null;
  indicatorName: string | null;
  unit: string | null;
  rootId: string | null;
};

/**
 * `since`: a seq, an instant (the last op at or before it), or null for the caller's last seen. A seq past
 * the board's last is taken as its last (nothing is after it). `itemsLimit` + 1 items come back at most, so
 * the caller can tell that there were more.
 */
export function changesSql(options: {
  boardId: string;
  userId: string;
  since: { seq: number } | { instant: string } | null;
  itemsLimit: number;
}): Prisma.Sql {
  const { boardId, userId, since, itemsLimit } = options;
  const sinceSeq = since && "seq" in since ? since.seq : null;
  const instant = since && "instant" in since ? since.instant : null;
  return Prisma.sql`
    WITH params AS (
      SELECT b."lastSeq" AS until_seq,
        CASE
          WHEN ${instant}::text IS NOT NULL THEN coalesce((
            SELECT o.seq FROM "Op" o
            WHERE o."boardId" = b.id AND o."createdAt" <= (${instant}::timestamptz AT TIME ZONE 'UTC')
            ORDER BY o."createdAt" DESC, o.seq DESC LIMIT 1), 0)
          WHEN ${sinceSeq}::int IS NOT NULL THEN LEAST(${sinceSeq}::int, b."lastSeq")
          ELSE LEAST(m."lastSeenSeq", b."lastSeq")
        END AS since_seq
      FROM "Board" b JOIN "Membership" m ON m."boardId" = b.id AND m."userId" = ${userId}
      WHERE b.id = ${boardId}::uuid
    ),
    win AS MATERIALIZED (
      SELECT o.seq, o.type, o."entityId", o."actorId", o.payload, o."createdAt",
        o."actorId" IS DISTINCT FROM ${userId} AS by_others
      FROM "Op" o
      WHERE o."boardId" = ${boardId}::uuid
        AND o.seq > (SELECT since_seq FROM params) AND o.seq <= (SELECT until_seq FROM params)
    ),
    -- Things deleted in the window and not restored after: created in it, they count nowhere.
    gone AS (
      SELECT "entityId" FROM win
      WHERE type IN (${list(DELETE_TYPES)}) OR type = 'annotation.restored'
      GROUP BY "entityId"
      HAVING max(seq) FILTER (WHERE type <> 'annotation.restored')
        > coalesce(max(seq) FILTER (WHERE type = 'annotation.restored'), 0)
    ),
    touched AS (
      SELECT DISTINCT "entityId" FROM win
      WHERE by_others AND type IN (${list(UPDATE_TYPES)}, ${list(DELETE_TYPES)})
    ),
    -- Of the things others changed, those others also created in the window: new, not edited.
    fresh AS (
      SELECT DISTINCT "entityId" FROM win
      WHERE by_others AND type IN (${list(CREATE_TYPES)}) AND "entityId" IN (SELECT "entityId" FROM touched)
    ),
    news AS (
      SELECT w.*, k.kind FROM win w CROSS JOIN LATERAL (SELECT CASE
        WHEN w.type IN ('event.created', 'observation.created', 'annotation.created')
          AND w."entityId" IN (SELECT "entityId" FROM gone) THEN NULL
        WHEN w.type = 'event.created' THEN 'event'
        WHEN w.type IN ('observation.created', 'observations.imported') THEN 'observation'
        WHEN w.type = 'annotation.created' AND w.payload->>'parentId' IS NOT NULL THEN 'reply'
        -- A threshold warning is Watchfloor's, not a colleague's note: warningsCrossed says it.
        WHEN w.type = 'annotation.created' AND (w.payload->>'automatic')::boolean THEN NULL
        WHEN w.type = 'annotation.created' THEN 'annotation'
        WHEN w.type IN (${list(UPDATE_TYPES)}, ${list(DELETE_TYPES)})
          AND w."entityId" IN (SELECT "entityId" FROM fresh) THEN NULL
        WHEN w.type IN (${list(UPDATE_TYPES)}) THEN 'edit'
        WHEN w.type IN (${list(DELETE_TYPES)}) THEN 'deletion'
      END AS kind) k
      WHERE w.by_others
    ),
    counted AS (SELECT * FROM news WHERE kind IS NOT NULL),
    totals AS (
      SELECT
        count(*) FILTER (WHERE kind = 'event')::int AS events,
        coalesce(sum(CASE WHEN type = 'observations.imported' THEN (payload->>'count')::int ELSE 1 END)
          FILTER (WHERE kind = 'observation'), 0)::int AS observations,
        count(*) FILTER (WHERE kind = 'annotation')::int AS annotations,
        count(*) FILTER (WHERE kind = 'reply')::int AS replies,
        count(*) FILTER (WHERE kind = 'edit')::int AS edits,
        count(*) FILTER (WHERE kind = 'deletion')::int AS deletions
      FROM counted
    ),
    -- server/content/threshold-warning.ts' rule: beyond the line while the figure before it in time, among
    -- those entered before it, was not (or there was none); thresholds and figures as they stand now.
    warnings AS (
      SELECT c.seq, i.id AS "indicatorId", c."entityId" AS "observationId", f.value,
        CASE x.direction WHEN 'above' THEN i."warnAbove" ELSE i."warnBelow" END AS threshold, x.direction
      FROM counted c
      CROSS JOIN LATERAL (SELECT (c.payload->>'value')::float8 AS value,
        (c.payload->>'observedAt')::timestamptz AT TIME ZONE 'UTC' AS "observedAt") f
      JOIN "Indicator" i ON i.id = (c.payload->>'indicatorId')::uuid
      LEFT JOIN LATERAL (
        SELECT p.value FROM "Observation" p
        -- Only a figure beyond a line needs the one before it (a one-time filter skips the rest).
        WHERE (f.value > i."warnAbove" OR f.value < i."warnBelow") AND p."indicatorId" = i.id AND p."observedAt" < f."observedAt" AND p.id::text <> c."entityId"
          AND p."createdAt" <= c."createdAt"
        ORDER BY p."observedAt" DESC LIMIT 1
      ) previous ON true
      CROSS JOIN LATERAL (SELECT CASE
        WHEN f.value > i."warnAbove" AND (previous.value IS NULL OR previous.value <= i."warnAbove") THEN 'above'
        WHEN f.value < i."warnBelow" AND (previous.value IS NULL OR previous.value >= i."warnBelow") THEN 'below'
      END AS direction) x
      WHERE c.type = 'observation.created' AND x.direction IS NOT NULL
    ),
    threads AS (
      SELECT r.payload->>'parentId' AS "rootId", count(*)::int AS "newReplies",
        bool_or(r.payload->'mentions' @> jsonb_build_array(jsonb_build_object('id', ${userId}::text)))
          OR coalesce(bool_or(root.payload->'mentions' @> jsonb_build_array(jsonb_build_object('id', ${userId}::text))), false)
          AS "mentionsYou",
        max(r.seq) AS "lastSeq"
      FROM counted r
      LEFT JOIN counted root ON root.kind = 'annotation' AND root."entityId" = r.payload->>'parentId'
      WHERE r.kind = 'reply'
      GROUP BY r.payload->>'parentId'
    ),
    shown AS (SELECT * FROM counted ORDER BY seq DESC LIMIT ${itemsLimit + 1}),
    items AS (
      SELECT s.seq, ${iso('s."createdAt"')} AS at,
        CASE WHEN s.type = 'annotation.updated'
          AND (CASE WHEN prior_state.found THEN prior_state.confidence ELSE revision.confidence END)
            IS DISTINCT FROM s.payload->>'confidence'
          AND (prior_state.found OR revision.found)
          THEN 'confidence' ELSE s.kind END AS kind,
        s.type AS "opType", s."entityId", s."actorId", u.name AS "actorName",
        coalesce(d->>'title', d->'source'->>'title', d->>'name') AS title, left(d->>'body', 400) AS body,
        (d->>'value')::float8 AS value, (d->>'count')::int AS count,
        d->>'indicatorId' AS "indicatorId", i.name AS "indicatorName", i.unit,
        CASE WHEN s.type LIKE 'annotation.%' THEN coalesce(d->>'parentId', s."entityId") END AS "rootId"
      FROM shown s
      -- A deletion's payload is only the id: its label comes from the last op that carried the thing.
      LEFT JOIN LATERAL (
        SELECT p.payload FROM "Op" p
        WHERE s.type IN (${list(DELETE_TYPES)}) AND p."entityId" = s."entityId" AND p."boardId" = ${boardId}::uuid
          AND p.seq < s.seq AND p.type NOT IN (${list(DELETE_TYPES)})
        ORDER BY p.seq DESC LIMIT 1
      ) before_deletion ON true
      CROSS JOIN LATERAL (SELECT CASE WHEN s.type IN (${list(DELETE_TYPES)})
        THEN coalesce(before_deletion.payload, s.payload) ELSE s.payload END AS d) data
      LEFT JOIN "User" u ON u.id = s."actorId"
      LEFT JOIN "Indicator" i ON s.type LIKE 'observation.%' AND i.id = (d->>'indicatorId')::uuid
      -- The version an annotation.updated replaced: its previous state in the log, else its revision.
      LEFT JOIN LATERAL (
        SELECT true AS found, p.payload->>'confidence' AS confidence FROM "Op" p
        WHERE s.type = 'annotation.updated' AND p."entityId" = s."entityId" AND p."boardId" = ${boardId}::uuid
          AND p.seq < s.seq AND p.type IN (${list(ANNOTATION_STATE_TYPES)})
        ORDER BY p.seq DESC LIMIT 1
      ) prior_state ON true
      LEFT JOIN LATERAL (
        SELECT true AS found, r.confidence::text AS confidence FROM "AnnotationRevision" r
        WHERE s.type = 'annotation.updated' AND r."annotationId" = s."entityId"::uuid
          AND r.version = (s.payload->>'version')::int - 1
      ) revision ON true
    )
    SELECT p.since_seq AS "sinceSeq",
      (SELECT ${iso('o."createdAt"')} FROM "Op" o WHERE o."boardId" = ${boardId}::uuid AND o.seq = p.since_seq)
        AS "sinceAt",
      p.until_seq AS "untilSeq",
      (SELECT ${iso('o."createdAt"')} FROM "Op" o WHERE o."boardId" = ${boardId}::uuid AND o.seq = p.until_seq)
        AS "untilAt",
      t.*,
      (SELECT json_agg(w ORDER BY w.seq DESC) FROM (
        SELECT seq, "indicatorId", "observationId", value, threshold, direction FROM warnings) w) AS warnings,
      (SELECT json_agg(th ORDER BY th."lastSeq" DESC) FROM threads th) AS threads,
      (SELECT json_agg(it ORDER BY it.seq DESC) FROM items it) AS items
    FROM params p CROSS JOIN totals t`;
}
