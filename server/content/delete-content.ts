// event:delete / source:delete / indicator:delete — one path for removing a board's fact. What goes
// with it is the database's business (foreign keys): an event's or indicator's annotations and figures
// are deleted with it; figures citing a deleted source keep their grade and lose only the link.
import { ZContentRef } from "@/lib/schemas/content";
import type { Actor } from "../actor";
import type { TransactionClient } from "../db/transaction";
import type { Domain } from "../domain";
import { AppError, parseInput } from "../errors";
import { commitContentChange } from "./commit-content-change";

const DELETABLE = {
  event: { opType: "event.deleted", remove: (tx: TransactionClient, where: Where) => tx.event.deleteMany({ where }) },
  source: {
    opType: "source.deleted",
    remove: (tx: TransactionClient, where: Where) => tx.source.deleteMany({ where }),
  },
  indicator: {
    opType: "indicator.deleted",
    remove: (tx: TransactionClient, where: Where) => tx.indicator.deleteMany({ where }),
  },
} as const;

type Where = { id: string; boardId: string };

export async function deleteContent(options: {
  domain: Domain;
  actor: Actor;
  input: unknown;
  kind: keyof typeof DELETABLE;
}): Promise<{ id: string; seq: number }> {
  const { domain, actor, kind } = options;
  const input = parseInput(ZContentRef, options.input);
  const { opType, remove } = DELETABLE[kind];
  const op = await commitContentChange({
    domain,
    actor,
    boardId: input.boardId,
    change: async (tx) => {
      const deleted = await remove(tx, { id: input.id, boardId: input.boardId });
      if (deleted.count === 0) throw new AppError("NOT_FOUND", `No such ${kind}`);
      return { type: opType, entityId: input.id, data: { id: input.id } };
    },
  });
  return { id: input.id, seq: op.seq };
}
