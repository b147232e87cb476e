// Owners rename a board, set its description and handling line, and archive or restore it.
import { type WireBoard, ZBoardUpdate } from "@/lib/schemas/board";
import type { Actor } from "../actor";
import type { Domain } from "../domain";
import { parseInput } from "../errors";
import { commitBoardChange } from "../ops/commit-board-change";
import { type Access, boardIdOfSlug, permit } from "./access";
import { toWireBoard, WIRE_BOARD_SELECT } from "./to-wire-board";

export async function updateBoard(options: {
  domain: Domain;
  actor: Actor;
  slug: string;
  input: unknown;
}): Promise<WireBoard> {
  const { domain, actor } = options;
  const input = parseInput(ZBoardUpdate, options.input);
  const boardId = await boardIdOfSlug(domain.db, options.slug);
  const details = [input.title, input.description, input.handling].some((value) => value !== undefined);
  const permitWhatChanges = (access: Access) => {
    if (input.archived !== undefined) permit(access, "board.archive");
    // Renaming an archived board is refused, unless the same request restores it.
    if (details) permit(access, input.archived === false ? "board.archive" : "board.update");
  };

  const [op] = await commitBoardChange({
    domain,
    actor,
    boardId,
    authority: { action: "board.read", also: permitWhatChanges },
    change: async (tx) => {
      const row = await tx.board.update({
        where: { id: boardId },
        data: {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.handling !== undefined ? { handling: input.handling } : {}),
          ...(input.archived !== undefined ? { archivedAt: input.archived ? new Date() : null } : {}),
        },
        select: WIRE_BOARD_SELECT,
      });
      return [{ type: "board.updated", entityId: boardId, data: toWireBoard(row) }] as const;
    },
  });
  return op.data;
}
