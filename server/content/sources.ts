// source:create / source:update / source:delete — the documents the team relies on, with reliability A–F.
import type { WireSource } from "@/lib/schemas/board";
import { ZSourceCreate, ZSourceUpdate } from "@/lib/schemas/content";
import type { Actor } from "../actor";
import type { Domain } from "../domain";
import { AppError, parseInput } from "../errors";
import { commitContentChange, creationSeq } from "./commit-content-change";
import { deleteContent } from "./delete-content";
import { createOnce } from "./replay";
import { toWireSource } from "./to-wire";

type Options = { domain: Domain; actor: Actor; input: unknown };
const toDate = (iso: string | null | undefined) =>
  iso === undefined ? undefined : iso === null ? null : new Date(iso);

export async function createSource({
  domain,
  actor,
  input: raw,
}: Options): Promise<{ source: WireSource; seq: number }> {
  const input = parseInput(ZSourceCreate, raw);
  return createOnce({
    boardId: input.boardId,
    find: async () => {
      const row = await domain.db.source.findUnique({ where: { id: input.id } });
      if (!row) return null;
      return {
        boardId: row.boardId,
        result: { source: toWireSource(row), seq: await creationSeq(domain.db, row.boardId, row.id, "source.created") },
      };
    },
    create: async () => {
      const op = await commitContentChange({
        domain,
        actor,
        boardId: input.boardId,
        change: async (tx) => {
          const row = await tx.source.create({
            data: {
              id: input.id,
              boardId: input.boardId,
              title: input.title,
              publisher: input.publisher,
              publishedAt: toDate(input.publishedAt) ?? null,
              url: input.url,
              text: input.text,
              reliability: input.reliability,
            },
          });
          return { type: "source.created", entityId: row.id, data: toWireSource(row) };
        },
      });
      return { source: op.data, seq: op.seq };
    },
  });
}

export async function updateSource({
  domain,
  actor,
  input: raw,
}: Options): Promise<{ source: WireSource; seq: number }> {
  const input = parseInput(ZSourceUpdate, raw);
  const op = await commitContentChange({
    domain,
    actor,
    boardId: input.boardId,
    change: async (tx) => {
      const existing = await tx.source.count({ where: { id: input.id, boardId: input.boardId } });
      if (!existing) throw new AppError("NOT_FOUND", "No such source");
      const { id, boardId: _boardId, publishedAt, ...fields } = input;
      const row = await tx.source.update({ where: { id }, data: { ...fields, publishedAt: toDate(publishedAt) } });
      return { type: "source.updated", entityId: row.id, data: toWireSource(row) };
    },
  });
  return { source: op.data, seq: op.seq };
}

export function deleteSource(options: Options): Promise<{ id: string; seq: number }> {
  return deleteContent({ ...options, kind: "source" });
}
