// Writes the annotation's current content as a revision: the edit history holds every version.
import type { TransactionClient } from "../db/transaction";
import type { AnnotationRow } from "./to-wire-annotation";

export async function recordRevision(tx: TransactionClient, row: AnnotationRow, editedById: string): Promise<void> {
  await tx.annotationRevision.create({
    data: {
      annotationId: row.id,
      version: row.version,
      body: row.body,
      kind: row.kind,
      confidence: row.confidence,
      tags: row.tags,
      editedById,
    },
  });
}
