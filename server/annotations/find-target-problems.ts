// The one check that an annotation's target (and thread) is on the board: every path that writes a
// target uses it — annotation:create's batch (read-batch-facts.ts reads the ids in its one statement),
// the W3C import, the threshold warning and the demo seed (findTargetsOffBoard). Which entity a target
// references comes from lib/targets/target-kinds.ts; how to find each entity on a board is ON_BOARD.
import type { TAnnotationCreate, TAnnotationTarget } from "@/lib/schemas/annotation";
import { REFERENCED_ENTITIES, type ReferencedEntity, referenceOf, targetKindOf } from "@/lib/targets/target-kinds";
import type { Database } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { TransactionClient } from "../db/transaction";
import { AppError } from "../errors";

/** The ids of each entity that are on the board. */
export type FoundTargets = Record<ReferencedEntity, Set<string>>;
export type ExistingTargets = { targets: FoundTargets; threads: Set<string> };

/** The ids among `ids` that are this board's, one SQL query per entity (an observation is its indicator's). */
const ON_BOARD: Record<ReferencedEntity, (boardId: string, ids: string[]) => Prisma.Sql> = {
  event: (boardId, ids) =>
    Prisma.sql`SELECT id FROM "Event" WHERE "boardId" = ${boardId}::uuid AND id = ANY(${ids}::uuid[])`,
  indicator: (boardId, ids) =>
    Prisma.sql`SELECT id FROM "Indicator" WHERE "boardId" = ${boardId}::uuid AND id = ANY(${ids}::uuid[])`,
  observation: (boardId, ids) =>
    Prisma.sql`SELECT o.id FROM "Observation" o JOIN "Indicator" i ON i.id = o."indicatorId"
      WHERE i."boardId" = ${boardId}::uuid AND o.id = ANY(${ids}::uuid[])`,
  source: (boardId, ids) =>
    Prisma.sql`SELECT id FROM "Source" WHERE "boardId" = ${boardId}::uuid AND id = ANY(${ids}::uuid[])`,
};

/** The distinct ids of each entity the targets reference. */
function referencedIds(targets: TAnnotationTarget[]): Record<ReferencedEntity, string[]> {
  const ids = Object.fromEntries(REFERENCED_ENTITIES.map((entity) => [entity, new Set<string>()])) as Record<
    ReferencedEntity,
    Set<string>
  >;
  for (const target of targets) {
    const reference = referenceOf(target);
    if (reference) ids[reference.entity].add(reference.id);
  }
  return Object.fromEntries(REFERENCED_ENTITIES.map((entity) => [entity, [...ids[entity]]])) as Record<
    ReferencedEntity,
    string[]
  >;
}

/**
 * One SQL expression: a JSON object holding, for each entity, the array of the referenced ids that are on
 * the board. read-batch-facts.ts embeds it in its statement; findTargetsOffBoard runs it alone.
 */
export function targetsOnBoardSql(boardId: string, targets: TAnnotationTarget[]): Prisma.Sql {
  const wanted = referencedIds(targets);
  const parts = REFERENCED_ENTITIES.map(
    (entity) =>
      Prisma.sql`${Prisma.raw(`'${entity}'`)}, (SELECT coalesce(array_agg(found.id::text), '{}') FROM (${ON_BOARD[entity](boardId, wanted[entity])}) found)`,
  );
  return Prisma.sql`json_build_object(${Prisma.join(parts)})`;
}

/** Reads targetsOnBoardSql's JSON. */
export function foundTargetsOf(json: Record<ReferencedEntity, string[]>): FoundTargets {
  return Object.fromEntries(REFERENCED_ENTITIES.map((entity) => [entity, new Set(json[entity])])) as FoundTargets;
}

/** The entity a target references that is not on the board, or null when it is (or references none). */
export function missingEntityOf(target: TAnnotationTarget, found: FoundTargets): ReferencedEntity | null {
  const reference = referenceOf(target);
  return reference && !found[reference.entity].has(reference.id) ? reference.entity : null;
}

/** For each target in order: null when it is on the board, else the entity that is not ("event", …). */
export async function findTargetsOffBoard(
  db: Database | TransactionClient,
  boardId: string,
  targets: TAnnotationTarget[],
): Promise<(ReferencedEntity | null)[]> {
  if (!targets.some((target) => referenceOf(target))) return targets.map(() => null);
  const [row] = await db.$queryRaw<{ found: Record<ReferencedEntity, string[]> }[]>`
    SELECT ${targetsOnBoardSql(boardId, targets)} AS found`;
  if (!row) throw new Error("The target read returned no row");
  const found = foundTargetsOf(row.found);
  return targets.map((target) => missingEntityOf(target, found));
}

/** Throws VALIDATION, as annotation:create answers, when a target is not on the board. */
export async function assertTargetsOnBoard(
  db: Database | TransactionClient,
  boardId: string,
  targets: TAnnotationTarget[],
): Promise<void> {
  const missing = await findTargetsOffBoard(db, boardId, targets);
  const index = missing.findIndex((entity) => entity !== null);
  if (index >= 0) throw notOnBoard(targets[index] as TAnnotationTarget, missing[index] as ReferencedEntity);
}

/** For each input (by index) whose target or thread is not on the board, the VALIDATION error it answers. */
export function findTargetProblems(inputs: TAnnotationCreate[], existing: ExistingTargets): Map<number, AppError> {
  const problems = new Map<number, AppError>();
  inputs.forEach((input, index) => {
    const missing = missingEntityOf(input.target, existing.targets);
    if (missing) problems.set(index, notOnBoard(input.target, missing));
    // Threads are one level deep: a reply goes to the thread's top annotation.
    else if (input.parentId !== undefined && !existing.threads.has(input.parentId)) {
      problems.set(index, problem("thread being replied to", ["parentId"]));
    }
  });
  return problems;
}

function notOnBoard(target: TAnnotationTarget, entity: ReferencedEntity): AppError {
  const field = targetKindOf(target).references?.field;
  return problem(entity, field ? ["target", field] : ["target"]);
}

function problem(what: string, path: string[]): AppError {
  return new AppError("VALIDATION", `The ${what} is not on this board`, [
    { path, message: `no such ${what} on this board` },
  ]);
}
