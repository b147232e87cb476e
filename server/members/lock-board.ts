// Serializes membership changes on one board (across nodes), so "a board keeps an owner" cannot be
// broken by two owners demoting each other at the same moment.
import type { TransactionClient } from "../db/transaction";

export async function lockBoard(tx: TransactionClient, boardId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Board" WHERE "id" = ${boardId}::uuid FOR UPDATE`;
}
