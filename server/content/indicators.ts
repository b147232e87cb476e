// indicator:create / indicator:update / indicator:delete — a named series with a unit and thresholds.
import type { WireIndicator } from "@/lib/schemas/board";
import { ZIndicatorCreate, ZIndicatorUpdate } from "@/lib/schemas/content";
import type { Actor } from "../actor";
import type { Domain } from "../domain";
import { AppError, parseInput } from "../errors";
import { commitContentChange, creationSeq } from "./commit-content-change";
import { deleteContent } from "./delete-content";
import { createOnce } from "./replay";
import { toWireIndicator } from "./to-wire";

type Options = { domain: Domain; actor: Actor; input: unknown };
type IndicatorDefinition = Omit<WireIndicator, "observations">;

export async function createIndicator({
  domain,
  actor,
  input: raw,
}: Options): Promise<{ indicator: IndicatorDefinition; seq: number }> {
  const input = parseInput(ZIndicatorCreate, raw);
  return createOnce({
    boardId: input.boardId,
    find: async () => {
      const row = await domain.db.indicator.findUnique({ where: { id: input.id } });
      if (!row) return null;
      const seq = await creationSeq(domain.db, row.boardId, row.id, "indicator.created");
      return { boardId: row.boardId, result: { indicator: toWireIndicator(row), seq } };
    },
    create: async () => {
      const op = await commitContentChange({
        domain,
        actor,
        boardId: input.boardId,
        change: async (tx) => {
          const row = await tx.indicator.create({ data: input });
          return { type: "indicator.created", entityId: row.id, data: toWireIndicator(row) };
        },
      });
      return { indicator: op.data, seq: op.seq };
    },
  });
}

export async function updateIndicator({
  domain,
  actor,
  input: raw,
}: Options): Promise<{ indicator: IndicatorDefinition; seq: number }> {
  const input = parseInput(ZIndicatorUpdate, raw);
  const op = await commitContentChange({
    domain,
    actor,
    boardId: input.boardId,
    change: async (tx) => {
      const existing = await tx.indicator.count({ where: { id: input.id, boardId: input.boardId } });
      if (!existing) throw new AppError("NOT_FOUND", "No such indicator");
      const { id, boardId: _boardId, ...fields } = input;
      const row = await tx.indicator.update({ where: { id }, data: fields });
      return { type: "indicator.updated", entityId: row.id, data: toWireIndicator(row) };
    },
  });
  return { indicator: op.data, seq: op.seq };
}

export function deleteIndicator(options: Options): Promise<{ id: string; seq: number }> {
  return deleteContent({ ...options, kind: "indicator" });
}
