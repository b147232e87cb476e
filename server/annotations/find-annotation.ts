// Loads a live annotation of a board for an edit, or answers NOT_FOUND.
import type { Database } from "../db/client";
import type { TransactionClient } from "../db/transaction";
import { AppError } from "../errors";
import { ANNOTATION_INCLUDE, type AnnotationRow } from "./to-wire-annotation";

export async function findLiveAnnotation(
  db: Database | TransactionClient,
  boardId: string,
  id: string,
): Promise<AnnotationRow> {
  const row = await db.annotation.findFirst({
    where: { id, boardId, deletedAt: null },
    include: ANNOTATION_INCLUDE,
  });
  if (!row) throw new AppError("NOT_FOUND", "No such annotation");
  return row;
}
