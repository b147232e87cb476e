// What a batch of annotation creates needs to know before it writes, read in ONE round trip: the
// authors' roles and names, whether the board is archived, which ids are already stored (replays),
// which named targets and threads are on the board, and — when a body has an "@" — the members' names.
// Prisma would take five queries for it; on the hot path of a busy board one statement is cheaper in
// round trips and in the server's CPU (docs/BENCHMARKS.md, scenarios 1 and 2).
import type { TAnnotationCreate } from "@/lib/schemas/annotation";
import type { BoardRole } from "@/lib/schemas/board";
import type { ReferencedEntity } from "@/lib/targets/target-kinds";
import type { Database } from "../db/client";
import { type PassageTexts, quotedVersions } from "../documents/passage-check";
import type { MemberName } from "./find-mentions";
import { type ExistingTargets, foundTargetsOf, targetsOnBoardSql } from "./find-target-problems";

export type BatchFacts = {
  authors: Map<string, { role: BoardRole; name: string }>;
  archived: boolean;
  stored: Set<string>;
  existing: ExistingTargets;
  members: MemberName[];
  /** The texts of the versions passage targets quote (only read when the batch has one). */
  passages: PassageTexts;
};

type Row = {
  authors: { userId: string; role: BoardRole; name: string }[];
  archived: boolean | null;
  stored: string[];
  targets: Record<ReferencedEntity, string[]>;
  threads: string[];
  members: { id: string; name: string }[];
  passages: { sourceId: string; version: number; text: string; current: number }[];
};

export async function readBatchFacts(
  db: Database,
  boardId: string,
  requests: { actor: { id: string }; input: TAnnotationCreate }[],
): Promise<BatchFacts> {
  const inputs = requests.map((request) => request.input);
  const threadIds = [...new Set(inputs.flatMap((input) => (input.parentId === undefined ? [] : [input.parentId])))];
  const authorIds = [...new Set(requests.map((request) => request.actor.id))];
  const withMembers = inputs.some((input) => input.body.includes("@"));
  const quoted = quotedVersions(inputs.map((input) => input.target));
  const [row] = await db.$queryRaw<Row[]>`
    SELECT
      (SELECT coalesce(json_agg(json_build_object('userId', m."userId", 'role', m.role, 'name', u.name)), '[]'::json)
         FROM "Membership" m JOIN "User" u ON u.id = m."userId"
        WHERE m."boardId" = ${boardId}::uuid AND m."userId" = ANY(${authorIds}::text[])) AS authors,
      (SELECT "archivedAt" IS NOT NULL FROM "Board" WHERE id = ${boardId}::uuid) AS archived,
      (SELECT coalesce(array_agg(id::text), '{}') FROM "Annotation"
        WHERE id = ANY(${inputs.map((input) => input.id)}::uuid[])) AS stored,
      ${targetsOnBoardSql(
        boardId,
        inputs.map((input) => input.target),
      )} AS targets,
      (SELECT coalesce(array_agg(id::text), '{}') FROM "Annotation"
        WHERE "boardId" = ${boardId}::uuid AND id = ANY(${threadIds}::uuid[])
          AND "deletedAt" IS NULL AND "parentId" IS NULL) AS threads,
      (SELECT coalesce(json_agg(json_build_object('id', m."userId", 'name', u.name)), '[]'::json)
         FROM "Membership" m JOIN "User" u ON u.id = m."userId"
        WHERE ${withMembers} AND m."boardId" = ${boardId}::uuid) AS members,
      (SELECT coalesce(json_agg(json_build_object('sourceId', v."sourceId", 'version', v.version, 'text', v.text,
          'current', s."currentVersion")), '[]'::json)
         FROM "SourceVersion" v JOIN "Source" s ON s.id = v."sourceId"
        WHERE s."boardId" = ${boardId}::uuid
          AND (v."sourceId", v.version) IN (SELECT * FROM unnest(${quoted.map((pair) => pair.sourceId)}::uuid[],
            ${quoted.map((pair) => pair.version)}::int[]))) AS passages`;
  if (!row) throw new Error("The batch read returned no row");
  return {
    authors: new Map(row.authors.map((author) => [author.userId, { role: author.role, name: author.name }])),
    archived: row.archived ?? false,
    stored: new Set(row.stored),
    existing: { targets: foundTargetsOf(row.targets), threads: new Set(row.threads) },
    members: row.members,
    passages: passageTextsOf(row.passages),
  };
}

function passageTextsOf(rows: Row["passages"]): PassageTexts {
  const texts = new Map(rows.map((row) => [`${row.sourceId}/${row.version}`, row.text]));
  const current = new Map(rows.map((row) => [row.sourceId, row.current]));
  return {
    text: (sourceId, version) => texts.get(`${sourceId}/${version}`),
    currentVersion: (sourceId) => current.get(sourceId),
  };
}
