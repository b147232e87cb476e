// <kind>:create / <kind>:update / <kind>:delete for every kind of board fact (lib/content/content-kinds.ts):
// parse with the kind's schema, check that what it names is on the same board, write its rows
// (content-kinds.ts) and log the op through the one board-change skeleton under content.write.
// Creates are idempotent like annotations: the client-generated id is the key, and a repeated create
// answers with what exists (replay.ts).
import { CONTENT_KINDS, type ContentKindName, type ContentWire, contentOps } from "@/lib/content/content-kinds";
import type { OpDataByType } from "@/lib/ops";
import { ZContentRef } from "@/lib/schemas/content";
import type { Actor } from "../actor";
import { authorize } from "../boards/access";
import type { TransactionClient } from "../db/transaction";
import type { Domain } from "../domain";
import { AppError, parseInput } from "../errors";
import { type BoardChange, commitBoardChange } from "../ops/commit-board-change";
import { liveAnnotationsRemovedWith } from "./annotations-removed-with";
import { CONTENT_STORAGE } from "./content-kinds";
import { createOnce, notOnBoard } from "./replay";

type Options = { domain: Domain; actor: Actor; input: unknown };
/** What a create or update answers: `{event, seq}`, `{source, seq}`, … */
export type ContentAnswer<K extends ContentKindName> = { [P in K]: ContentWire[K] } & { seq: number };

/** What a kind does beyond storing its row when one is created (a figure that crosses its threshold warns). */
export type CreateFollowUp<K extends ContentKindName, Extra extends object> = {
  /** In the create's transaction, after the row: more changes to log after the created op, and more to answer. */
  inTransaction(
    tx: TransactionClient,
    created: ContentWire[K],
    actor: Actor,
  ): Promise<{ changes: BoardChange[]; extra: Extra }>;
  /** What a replayed create answers for the extra part (the follow-up happened, or not, the first time). */
  replayed: Extra;
  afterCommit?(extra: Extra): void;
};

const answer = <K extends ContentKindName>(kind: K, wire: ContentWire[K], seq: number) =>
  ({ [kind]: wire, seq }) as ContentAnswer<K>;

/** Refuses a write that names something (a source, an indicator) that is not on the same board. */
async function checkReferences(tx: TransactionClient, kind: ContentKindName, input: Record<string, unknown>) {
  const boardId = input.boardId as string;
  for (const [field, referenced] of Object.entries(CONTENT_KINDS[kind].references)) {
    const value = input[field];
    if (value === undefined || value === null || !referenced) continue;
    const ids = [...new Set(Array.isArray(value) ? (value as string[]) : [value as string])];
    if (!ids.length) continue;
    const found = await CONTENT_STORAGE[referenced].countOnBoard(tx, boardId, ids);
    if (found !== ids.length) throw notOnBoard(CONTENT_KINDS[referenced].noun, [field]);
  }
}

export function createContent<K extends ContentKindName>(kind: K, options: Options): Promise<ContentAnswer<K>>;
export function createContent<K extends ContentKindName, Extra extends object>(
  kind: K,
  options: Options,
  followUp: CreateFollowUp<K, Extra>,
): Promise<ContentAnswer<K> & Extra>;
export async function createContent<K extends ContentKindName, Extra extends object>(
  kind: K,
  { domain, actor, input: raw }: Options,
  followUp?: CreateFollowUp<K, Extra>,
): Promise<ContentAnswer<K> & Partial<Extra>> {
  const storage = CONTENT_STORAGE[kind];
  const ops = contentOps(kind);
  const input = parseInput(CONTENT_KINDS[kind].create, raw) as { id: string; boardId: string };
  return createOnce<ContentAnswer<K> & Partial<Extra>>({
    boardId: input.boardId,
    find: async () => {
      const stored = await storage.find(domain.db, input.id);
      if (!stored) return null;
      // A replay answers what is stored only to a member of its board: knowing the two ids is not access.
      if (stored.boardId === input.boardId) {
        await authorize({ db: domain.db, actor, boardId: stored.boardId, action: "board.read" });
      }
      const created = await domain.db.op.findFirst({
        where: { boardId: stored.boardId, entityId: input.id, type: ops.created },
        select: { seq: true },
      });
      // Seeded and imported facts have no op of their own.
      const result = { ...answer(kind, stored.wire, created?.seq ?? 0), ...followUp?.replayed };
      return { boardId: stored.boardId, result: result as ContentAnswer<K> & Partial<Extra> };
    },
    create: async () => {
      let extra: Extra | undefined;
      const [op] = await commitBoardChange({
        domain,
        actor,
        boardId: input.boardId,
        authority: { action: "content.write" },
        change: async (tx) => {
          await checkReferences(tx, kind, input);
          const wire = await storage.insert(tx, input as never, actor);
          const createdChange = { type: ops.created, entityId: input.id, data: wire } as BoardChange;
          if (!followUp) return [createdChange];
          const more = await followUp.inTransaction(tx, wire, actor);
          extra = more.extra;
          return [createdChange, ...more.changes];
        },
      });
      if (extra) followUp?.afterCommit?.(extra);
      return { ...answer(kind, op.data as ContentWire[K], op.seq), ...extra } as ContentAnswer<K> & Partial<Extra>;
    },
  });
}

export async function updateContent<K extends ContentKindName>(
  kind: K,
  { domain, actor, input: raw }: Options,
): Promise<ContentAnswer<K>> {
  const storage = CONTENT_STORAGE[kind];
  const input = parseInput(CONTENT_KINDS[kind].update, raw) as { id: string; boardId: string };
  const [op] = await commitBoardChange({
    domain,
    actor,
    boardId: input.boardId,
    authority: { action: "content.write" },
    change: async (tx) => {
      // Not on this board is NOT_FOUND, checked before a reference elsewhere is VALIDATION.
      const notFound = () => new AppError("NOT_FOUND", `No such ${CONTENT_KINDS[kind].noun}`);
      if (!(await storage.countOnBoard(tx, input.boardId, [input.id]))) throw notFound();
      await checkReferences(tx, kind, input);
      const wire = await storage.update(tx, input as never);
      if (!wire) throw notFound();
      return [{ type: contentOps(kind).updated, entityId: input.id, data: wire } as BoardChange];
    },
  });
  return answer(kind, op.data as ContentWire[K], op.seq);
}

export async function deleteContent<K extends ContentKindName>(
  kind: K,
  { domain, actor, input: raw }: Options,
): Promise<{ id: string; seq: number }> {
  const input = parseInput(ZContentRef, raw);
  const [op] = await commitBoardChange({
    domain,
    actor,
    boardId: input.boardId,
    authority: { action: "content.write" },
    change: async (tx) => {
      // Read before the row goes: afterwards the database's cascade has taken them.
      const annotationIds = await liveAnnotationsRemovedWith(tx, kind, input);
      const removed: OpDataByType[`${K}.deleted`] | null = await CONTENT_STORAGE[kind].remove(tx, input);
      if (!removed) throw new AppError("NOT_FOUND", `No such ${CONTENT_KINDS[kind].noun}`);
      const data = { ...removed, annotationIds };
      return [{ type: contentOps(kind).deleted, entityId: input.id, data } as BoardChange];
    },
  });
  return { id: input.id, seq: op.seq };
}
