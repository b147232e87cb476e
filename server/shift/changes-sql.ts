// The changes summary as ONE statement over the board's op log (issue 19): the window's payloads are read
// once, by a pass that keeps nothing of the ops but the few fields the summary needs; two cheaper passes
// without payloads find the things deleted and the things others created; the counts are FILTER aggregates
// over the ops that count, and only the few rows that need more (figures beyond a threshold, replies, the
// items shown) look anything else up. Nothing is replayed: each op's payload holds the wire object it
// wrote. The rules are docs/http-api.md's "What changed".
import type { ChangeCounts, ThreadNews, WarningCrossed } from "@/lib/schemas/shift";
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

export type ChangesRow = ChangeCounts & {
  warnings: WarningCrossed[] | null;
  threads: ThreadNews[] | null;
  items: ItemRow[] | null;
};
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
 * Where the window starts and ends: `since` a seq (past the board's last: its last), an instant (the last
 * op at or before it), or null for the caller's last seen; `until` the board's last op. No row: the caller
 * is not on the board.
 */
export function windowSql(options: {
  boardId: string;
  userId: string;
  since: { seq: number } | { instant: string } | null;
}): Prisma.Sql {
  const { boardId, userId, since } = options;
  const sinceSeq = since && "seq" in since ? since.seq : null;
  const instant = since && "instant" in since ? since.instant : null;
  return Prisma.sql`
    WITH bounds AS (
      SELECT b."lastSeq" AS "untilSeq",
        CASE
          WHEN ${instant}::text IS NOT NULL THEN coalesce((
            SELECT o.seq FROM "Op" o
            WHERE o."boardId" = b.id AND o."createdAt" <= (${instant}::timestamptz AT TIME ZONE 'UTC')
            ORDER BY o."createdAt" DESC, o.seq DESC LIMIT 1), 0)
          WHEN ${sinceSeq}::int IS NOT NULL THEN LEAST(${sinceSeq}::int, b."lastSeq")
          ELSE LEAST(m."lastSeenSeq", b."lastSeq")
        END AS "sinceSeq"
      FROM "Board" b JOIN "Membership" m ON m."boardId" = b.id AND m."userId" = ${userId}
      WHERE b.id = ${boardId}::uuid
    )
    SELECT "sinceSeq", "untilSeq",
      (SELECT ${iso('o."createdAt"')} FROM "Op" o WHERE o."boardId" = ${boardId}::uuid AND o.seq = "sinceSeq") AS "sinceAt",
      (SELECT ${iso('o."createdAt"')} FROM "Op" o WHERE o."boardId" = ${boardId}::uuid AND o.seq = "untilSeq") AS "untilAt"
    FROM bounds`;
}

export type WindowRow = { sinceSeq: number; untilSeq: number; sinceAt: string | null; untilAt: string | null };

/**
 * The summary of the ops with sinceSeq < seq ≤ untilSeq. The bounds are written into the statement, not
 * bound: the planner then knows how many ops the window holds and joins its parts by hashing (estimated
 * from a parameter, a 100,000-op window looked like one row and was joined by nested loops).
 * `itemsLimit` + 1 items come back at most, so the caller can tell that there were more.
 */
export function changesSql(options: {
  boardId: string;
  userId: string;
  sinceSeq: number;
  untilSeq: number;
  itemsLimit: number;
}): Prisma.Sql {
  const { boardId, userId, itemsLimit } = options;
  const bound = (seq: number) => {
    if (!Number.isSafeInteger(seq) || seq < 0) throw new Error(`not a seq: ${seq}`);
    return Prisma.raw(String(seq));
  };
  return Prisma.sql`
    WITH
    -- The window's deletions and restores, read from the log's types alone: a pass without payloads costs
    -- less than keeping the whole window (a materialized window of 100,000 ops cost more than reading it).
    deletions AS MATERIALIZED (
      SELECT o."entityId", o.seq, o.type FROM "Op" o
      WHERE o."boardId" = ${boardId}::uuid
        AND o.seq > ${bound(options.sinceSeq)} AND o.seq <= ${bound(options.untilSeq)}
        AND o.type IN (${list(DELETE_TYPES)}, 'annotation.restored')
    ),
    -- Things deleted in the window and not restored after: created in it, they count nowhere.
    gone AS (
      SELECT "entityId" FROM deletions
      GROUP BY "entityId"
      HAVING max(seq) FILTER (WHERE type <> 'annotation.restored')
        > coalesce(max(seq) FILTER (WHERE type = 'annotation.restored'), 0)
    ),
    -- Things others created in the window: others' changes to them are part of the new thing, not edits.
    created AS (
      SELECT DISTINCT o."entityId" FROM "Op" o
      WHERE o."boardId" = ${boardId}::uuid
        AND o.seq > ${bound(options.sinceSeq)} AND o.seq <= ${bound(options.untilSeq)}
        AND o.type IN (${list(CREATE_TYPES)}, 'observations.imported') AND o."actorId" IS DISTINCT FROM ${userId}
    ),
    -- The window's ops by others with the few fields the summary needs, each read out only from the ops that
    -- carry it.
    marked AS (
      SELECT w.*, g."entityId" IS NOT NULL AS gone, c."entityId" IS NOT NULL AS "othersCreated"
      FROM (
        SELECT o.seq, o.type, o."entityId", o."createdAt",
          -- What the op is to the handover, decided once per op rather than by text comparisons in each part:
          -- n a new event, figure(s) or note; c another creation; u an update-like op; r a restore; d a deletion.
          CASE
            WHEN o.type IN ('event.created', 'observation.created', 'annotation.created', 'observations.imported')
              THEN 'n'
            WHEN o.type IN (${list(CREATE_TYPES)}) THEN 'c'
            WHEN o.type = 'annotation.restored' THEN 'r'
            WHEN o.type IN (${list(UPDATE_TYPES)}) THEN 'u'
            WHEN o.type IN (${list(DELETE_TYPES)}) THEN 'd'
          END AS role,
          CASE WHEN o.type = 'annotation.created' THEN o.payload->>'parentId' END AS "parentId",
          CASE WHEN o.type = 'annotation.created' THEN (o.payload->>'automatic')::boolean END AS automatic,
          -- The caller as a mention, a bound jsonb: built once, not by jsonb_build_array for each note.
          CASE WHEN o.type = 'annotation.created'
            THEN o.payload->'mentions' @> ${JSON.stringify([{ id: userId }])}::jsonb END AS "namesYou",
          CASE WHEN o.type = 'observations.imported' THEN (o.payload->>'count')::int END AS imported,
          CASE WHEN o.type = 'observation.created' THEN o.payload->>'indicatorId' END AS "indicatorId",
          CASE WHEN o.type = 'observation.created' THEN (o.payload->>'value')::float8 END AS value,
          CASE WHEN o.type = 'observation.created' THEN o.payload->>'observedAt' END AS "observedAt"
        FROM "Op" o
        WHERE o."boardId" = ${boardId}::uuid
          AND o.seq > ${bound(options.sinceSeq)} AND o.seq <= ${bound(options.untilSeq)}
          AND o."actorId" IS DISTINCT FROM ${userId}
        -- A fence: each field is worked out once per op, not again wherever the parts below name it, and the
        -- payloads stay here rather than travel through the joins.
        OFFSET 0
      ) w
      -- Joins, not IN (subquery): a hash join stays linear however many things the window holds, where a
      -- subquery too big to hash in work_mem would be run again for every op.
      LEFT JOIN gone g ON g."entityId" = w."entityId"
      LEFT JOIN created c ON c."entityId" = w."entityId"
    ),
    -- Notes and figures created in the window that are gone without an op of their own: the database's
    -- cascade took them with the event, indicator, figure, source or thread root deleted after them. Only
    -- such a deletion in the window can do that, so without one nothing is looked up.
    cascading AS (
      SELECT EXISTS (
        SELECT FROM deletions WHERE type IN ('event.deleted', 'indicator.deleted', 'observation.deleted', 'source.deleted')
      ) AS possible
    ),
    counted AS (
      SELECT * FROM (
        SELECT m.seq, m.type, m."entityId", m."createdAt", m."parentId", m."namesYou", m.imported,
          m."indicatorId", m.value, m."observedAt", CASE
          WHEN m.role = 'n' AND m.gone THEN NULL
          WHEN m.role = 'n' AND m.type = 'annotation.created' AND (SELECT possible FROM cascading)
            AND NOT EXISTS (SELECT FROM "Annotation" a WHERE a.id = m."entityId"::uuid) THEN NULL
          WHEN m.role = 'n' AND m.type = 'observation.created' AND (SELECT possible FROM cascading)
            AND NOT EXISTS (SELECT FROM "Observation" p WHERE p.id = m."entityId"::uuid) THEN NULL
          WHEN m.role = 'n' AND m."parentId" IS NOT NULL THEN 'reply'
          -- A threshold warning is Watchfloor's, not a colleague's note: warningsCrossed says it.
          WHEN m.role = 'n' AND m.automatic THEN NULL
          WHEN m.role = 'n' THEN CASE WHEN m.type = 'event.created' THEN 'event'
            WHEN m.type = 'annotation.created' THEN 'annotation' ELSE 'observation' END
          WHEN m.role IN ('u', 'r', 'd') AND m."othersCreated" THEN NULL
          WHEN m.role IN ('u', 'r') THEN 'edit'
          WHEN m.role = 'd' THEN 'deletion'
        END AS kind
        FROM marked m
        WHERE m.role IN ('n', 'u', 'r', 'd')
        -- A fence: the kind is worked out once per op, not once for the filter and again for the row.
        OFFSET 0
      ) k
      WHERE kind IS NOT NULL
    ),
    totals AS (
      SELECT
        count(*) FILTER (WHERE kind = 'event')::int AS events,
        coalesce(sum(coalesce(imported, 1))
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
      SELECT c.seq, i.id AS "indicatorId", c."entityId" AS "observationId", c.value,
        CASE x.direction WHEN 'above' THEN i."warnAbove" ELSE i."warnBelow" END AS threshold, x.direction
      FROM counted c
      JOIN "Indicator" i ON i.id = c."indicatorId"::uuid
        AND (c.value > i."warnAbove" OR c.value < i."warnBelow")
      LEFT JOIN LATERAL (
        SELECT p.value FROM "Observation" p
        WHERE p."indicatorId" = i.id AND p."observedAt" < (c."observedAt"::timestamptz AT TIME ZONE 'UTC')
          AND p.id::text <> c."entityId" AND p."createdAt" <= c."createdAt"
        ORDER BY p."observedAt" DESC LIMIT 1
      ) previous ON true
      CROSS JOIN LATERAL (SELECT CASE
        WHEN c.value > i."warnAbove" AND (previous.value IS NULL OR previous.value <= i."warnAbove") THEN 'above'
        WHEN c.value < i."warnBelow" AND (previous.value IS NULL OR previous.value >= i."warnBelow") THEN 'below'
      END AS direction) x
      WHERE c.type = 'observation.created' AND x.direction IS NOT NULL
    ),
    -- One pass over the thread's new notes: the root (when it is new) and its replies, grouped by root.
    threads AS (
      SELECT * FROM (
        SELECT coalesce("parentId", "entityId") AS "rootId",
          count(*) FILTER (WHERE kind = 'reply')::int AS "newReplies",
          coalesce(bool_or("namesYou"), false) AS "mentionsYou",
          max(seq) FILTER (WHERE kind = 'reply') AS "lastSeq"
        FROM counted
        WHERE kind IN ('annotation', 'reply')
        GROUP BY 1
        HAVING count(*) FILTER (WHERE kind = 'reply') > 0
      ) grouped
      -- A deleted root heads no thread (its replies head their own on the board): no link to nothing.
      WHERE EXISTS (SELECT FROM "Annotation" a WHERE a.id = grouped."rootId"::uuid AND a."deletedAt" IS NULL)
    ),
    -- The items shown read their ops again, by (boardId, seq): a few hundred payloads, not the window's.
    shown AS (
      SELECT c.seq, c.type, c."entityId", c."createdAt", c.kind, o."actorId", o.payload
      FROM (SELECT * FROM counted ORDER BY seq DESC LIMIT ${itemsLimit + 1}) c
      JOIN "Op" o ON o."boardId" = ${boardId}::uuid AND o.seq = c.seq
    ),
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
        CASE WHEN s.type LIKE 'annotation.%' THEN coalesce(root.id::text, s."entityId") END AS "rootId"
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
      -- A reply's thread is its root's while the root is there; after the root's deletion it heads its own.
      LEFT JOIN "Annotation" root ON s.type LIKE 'annotation.%' AND root.id = (d->>'parentId')::uuid
        AND root."deletedAt" IS NULL
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
    SELECT t.*,
      (SELECT json_agg(w ORDER BY w.seq DESC) FROM (
        SELECT seq, "indicatorId", "observationId", value, threshold, direction FROM warnings) w) AS warnings,
      (SELECT json_agg(th ORDER BY th."lastSeq" DESC) FROM threads th) AS threads,
      (SELECT json_agg(it ORDER BY it.seq DESC) FROM items it) AS items
    FROM totals t`;
}
