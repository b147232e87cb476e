// Decides, inside the import's transaction, what each draft becomes on this board — or refuses the whole
// import with every problem found (VALIDATION). The rules:
// - ids: an annotation whose id is already on this board is skipped (even a deleted one: restoring is
//   another action), so importing twice writes nothing the second time. A free id is kept. An id taken
//   on another board is replaced by a UUIDv5 of (this board, the id): the same replacement every time,
//   so that import is idempotent too.
// - threads: a reply's parent must be a live first annotation on this board or in this import.
// - targets: events, indicators, observations and sources must be this board's; a passage is anchored in
//   its source's current version, or imported orphaned (anchor-imported-passages.ts).
// - authors: see board-members.ts; when the importing analyst becomes the author, the body ends with a
//   line naming the original creator. resolvedBy is matched the same way, or left empty.
// - every annotation must then pass annotation:create's own schema (limits, an assessment's confidence).
// - mentions are found as annotation:create finds them (find-mentions.ts), from the same member list.
// The plan's annotations are ready for the one annotation writer (annotations/insert-annotation-batch.ts),
// with their original times, the original author on the row, and the importing analyst on the op.
import type { ValidationIssue } from "@/lib/errors";
import { type TAnnotationTarget, ZAnnotationCreate } from "@/lib/schemas/annotation";
import type { Actor } from "../actor";
import { mentionedMembers, readMemberNames } from "../annotations/find-mentions";
import { findTargetsOffBoard } from "../annotations/find-target-problems";
import { type NewAnnotation, newAnnotation } from "../annotations/new-annotation";
import { ANNOTATION_INCLUDE, type AnnotationRow, toWireAnnotation } from "../annotations/to-wire-annotation";
import type { TransactionClient } from "../db/transaction";
import type { PassageFacts } from "../documents/passage-check";
import { AppError } from "../errors";
import type { WorkerPool } from "../workers/create-worker-pool";
import { anchorImportedPassages } from "./anchor-imported-passages";
import { type BoardMembers, boardMembers } from "./board-members";
import { uuidV5 } from "./derive-id";
import type { AgentClaim, ImportDraft, IssuePath } from "./from-web-annotation";

export type ImportOutcome = { source: string; id: string; outcome: "imported" | "skipped" };
/** `toWrite` holds threads' first annotations before replies, so a parent is always written first. */
export type ImportPlan = { toWrite: NewAnnotation[]; outcomes: ImportOutcome[] };

type Placement = { id: string; skip: boolean };
type Report = (draft: ImportDraft, where: IssuePath, message: string) => void;
type Context = {
  boardId: string;
  actor: Actor;
  /** The context and anchor of each passage target planned, by the target object. */
  passages: Map<TAnnotationTarget, PassageFacts>;
  drafts: Map<string, ImportDraft>;
  placements: Map<string, Placement>;
  rows: Map<string, AnnotationRow>;
  members: BoardMembers;
};

export async function planImport(
  tx: TransactionClient,
  options: { boardId: string; actor: Actor; drafts: ImportDraft[]; workers: Pick<WorkerPool, "run"> },
): Promise<ImportPlan> {
  const { boardId, actor } = options;
  const issues: ValidationIssue[] = [];
  const report: Report = (draft, where, message) => issues.push({ path: [...draft.path, ...where], message });

  const anchored = await anchorImportedPassages(tx, options.workers, { boardId, drafts: options.drafts, report });
  const passages = new Map<TAnnotationTarget, PassageFacts>();
  const drafts = options.drafts.map((draft) => {
    const passage = anchored.get(draft);
    if (!passage) return draft;
    passages.set(passage.target, passage.facts);
    return { ...draft, target: passage.target };
  });
  // A passage that could not be placed is reported already; planning it would only add noise.
  const unplaced = new Set(
    drafts.filter((draft) => draft.target?.type === "source-span" && !passages.has(draft.target)),
  );

  const rows = await findCollidingRows(tx, boardId, drafts);
  const placements = new Map<string, Placement>();
  for (const draft of drafts) {
    const placement = place(rows, boardId, draft.sourceId);
    if (placement) placements.set(draft.sourceId, placement);
    else report(draft, ["id"], "this id and its replacement are both taken on other boards");
  }
  const context: Context = {
    boardId,
    actor,
    passages,
    drafts: new Map(drafts.map((draft) => [draft.sourceId, draft])),
    placements,
    rows,
    members: boardMembers(await readMemberNames(tx, boardId)),
  };
  const planned = drafts.flatMap((draft) => {
    const placement = placements.get(draft.sourceId);
    if (!placement || placement.skip || unplaced.has(draft)) return [];
    const annotation = planAnnotation(draft, placement.id, context, report);
    return annotation ? [{ draft, annotation }] : [];
  });
  const foreign = await findTargetsOffBoard(
    tx,
    boardId,
    planned.map(({ annotation }) => annotation.annotation.target),
  );
  planned.forEach(({ draft }, index) => {
    const missing = foreign[index];
    if (missing) report(draft, targetPathOf(draft), `no such ${missing} on this board`);
  });
  if (issues.length) throw new AppError("VALIDATION", "The annotations cannot be imported", issues);

  const toWrite = planned.map(({ annotation }) => annotation);
  return {
    toWrite: [...toWrite.filter((a) => !a.annotation.parentId), ...toWrite.filter((a) => a.annotation.parentId)],
    outcomes: drafts.map((draft) => {
      const placement = placements.get(draft.sourceId);
      if (!placement) throw new Error(`No placement for ${draft.sourceId}`);
      return { source: draft.source, id: placement.id, outcome: placement.skip ? "skipped" : "imported" };
    }),
  };
}

function planAnnotation(draft: ImportDraft, id: string, context: Context, report: Report): NewAnnotation | null {
  const thread = threadOf(draft, context, report);
  if (!thread) return null;
  const { actor, boardId, members } = context;
  const creatorOnBoard = members.find(draft.creator);
  const parsed = ZAnnotationCreate.safeParse({
    id,
    boardId,
    target: thread.target,
    body: draft.body + (creatorOnBoard ? "" : attribution(draft.creator, actor)),
    kind: draft.kind,
    confidence: draft.confidence ?? undefined,
    tags: draft.tags,
    parentId: thread.parentId ?? undefined,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report(draft, inputPathOf(draft, issue.path), issue.message);
    return null;
  }
  const author = creatorOnBoard ?? members.names.find((member) => member.id === actor.id) ?? actor;
  const createdAt = draft.createdAt ?? new Date();
  return newAnnotation({
    create: parsed.data,
    author: { id: author.id, name: author.name },
    mentioned: mentionedMembers(members.names, parsed.data.body, author.id),
    createdAt,
    updatedAt: draft.modifiedAt && draft.modifiedAt > createdAt ? draft.modifiedAt : createdAt,
    resolved: draft.resolvedAt ? { at: draft.resolvedAt, by: members.find(draft.resolvedBy) } : undefined,
    opActorId: actor.id,
    ...(thread.passage ? { passage: thread.passage } : {}),
  });
}

/** The id an annotation takes on this board when its own is taken on another one. */
function replacementId(boardId: string, sourceId: string): string {
  return uuidV5(boardId, sourceId);
}

/** Existing annotations under the import's ids, their parents' ids, or the replacements of either. */
async function findCollidingRows(
  tx: TransactionClient,
  boardId: string,
  drafts: ImportDraft[],
): Promise<Map<string, AnnotationRow>> {
  const sourceIds = drafts.flatMap((draft) =>
    draft.parentSourceId ? [draft.sourceId, draft.parentSourceId] : [draft.sourceId],
  );
  const ids = [...new Set(sourceIds.flatMap((id) => [id, replacementId(boardId, id)]))];
  const rows = await tx.annotation.findMany({ where: { id: { in: ids } }, include: ANNOTATION_INCLUDE });
  return new Map(rows.map((row) => [row.id, row]));
}

function place(rows: Map<string, AnnotationRow>, boardId: string, sourceId: string): Placement | null {
  for (const id of [sourceId, replacementId(boardId, sourceId)]) {
    const row = rows.get(id);
    if (!row) return { id, skip: false };
    if (row.boardId === boardId) return { id, skip: true };
  }
  return null;
}

/** A reply's parent on this board, and its target (its own, else its thread's); null once reported. */
function threadOf(draft: ImportDraft, context: Context, report: Report): Thread | null {
  const { parentSourceId } = draft;
  if (!parentSourceId) return withPassage({ parentId: null, target: draft.target }, context);
  const parentDraft = context.drafts.get(parentSourceId);
  if (parentDraft?.parentSourceId) {
    report(draft, ["target"], "a reply answers a thread's first annotation, not another reply");
    return null;
  }
  const placement = context.placements.get(parentSourceId);
  if (parentDraft && placement && !placement.skip) {
    return withPassage({ parentId: placement.id, target: draft.target ?? parentDraft.target }, context);
  }
  // Not written by this import: the thread must be on this board already, under its id or its replacement.
  const row = [parentSourceId, replacementId(context.boardId, parentSourceId)]
    .map((id) => context.rows.get(id))
    .find((candidate) => candidate?.boardId === context.boardId);
  if (!row || row.deletedAt || row.parentId) {
    report(draft, ["target"], "the thread being answered is neither on this board nor in this import");
    return null;
  }
  if (draft.target) return withPassage({ parentId: row.id, target: draft.target }, context);
  // A reply on a passage thread already on the board shares its thread's passage, context and anchor.
  const { quotePrefix, quoteSuffix, anchorVersion, anchorStart, anchorEnd } = row;
  const onPassage = row.targetType === "source_span";
  return {
    parentId: row.id,
    target: toWireAnnotation(row).target,
    passage: onPassage ? { quotePrefix, quoteSuffix, anchorVersion, anchorStart, anchorEnd } : null,
  };
}

type Thread = { parentId: string | null; target: TAnnotationTarget | null; passage: PassageFacts | null };

function withPassage(thread: Omit<Thread, "passage">, context: Context): Thread {
  return { ...thread, passage: (thread.target && context.passages.get(thread.target)) ?? null };
}

/** Keeps the original creator's name when the importing analyst becomes the author. */
function attribution(creator: AgentClaim | null, actor: Actor): string {
  if (!creator?.name || creator.name === actor.name) return "";
  return `\n\n(Originally written by ${creator.name}; imported.)`;
}

function targetPathOf(draft: ImportDraft): IssuePath {
  return draft.parentSourceId ? ["watchfloor:target"] : ["target"];
}

/** Where a problem found by annotation:create's schema sits in the Web Annotation. */
function inputPathOf(draft: ImportDraft, path: PropertyKey[]): IssuePath {
  const [field, ...rest] = path.map((part) => (typeof part === "symbol" ? String(part) : part));
  switch (field) {
    case "target":
      return [...targetPathOf(draft), ...rest];
    case "confidence":
      return ["watchfloor:confidence"];
    case "kind":
      return ["watchfloor:kind"];
    case "body":
    case "tags":
      return ["body"];
    default:
      return [];
  }
}
