// A later version of a demo source's document, saved as source:revise saves one (issue 14): the source
// moves to the next version, the version row is written, every passage note on the source is re-anchored
// in the new text and its anchor stored, and a source.revised op carries the anchors.
// The server's path (server/documents/save-source-version.ts) runs inside commitBoardChange, which needs
// an acting member's socket domain (authority, write limit, live effects) and hands the anchoring to the
// worker pool; the seed runs before either exists (and from scripts/seed-demo.ts, which has no pool). So
// it hands the server's reanchorSource the worker task's own function (reanchorTask: lib/anchoring's
// anchorAll) to run in this thread, and logs the op itself, as it does for its notes.
import { toWireSource } from "../content/to-wire";
import type { TransactionClient } from "../db/transaction";
import { reanchorSource } from "../documents/reanchor-source";
import { reanchorTask } from "../documents/reanchor-task";
import type { NewOp } from "../ops/append-op";

export type DemoSourceRevision = {
  sourceId: string;
  version: number;
  text: string;
  authorId: string;
  createdAt: Date;
};

export async function reviseDemoSource(
  tx: TransactionClient,
  revision: DemoSourceRevision,
): Promise<NewOp<"source.revised">> {
  const { sourceId, version, text, authorId, createdAt } = revision;
  const claimed = await tx.source.updateMany({
    where: { id: sourceId, currentVersion: version - 1 },
    data: { currentVersion: version },
  });
  if (claimed.count !== 1) throw new Error(`Demo source ${sourceId} is not at version ${version - 1}`);
  await tx.sourceVersion.create({
    data: { id: crypto.randomUUID(), sourceId, version, text, pageStarts: [], format: "text", authorId, createdAt },
  });
  const { anchors, candidates } = await reanchorSource({ tx, anchorPassages: reanchorTask, sourceId, text, version });
  const source = toWireSource(await tx.source.findUniqueOrThrow({ where: { id: sourceId } }));
  return {
    type: "source.revised",
    entityId: sourceId,
    actorId: authorId,
    data: { source, version, anchors, candidates },
  };
}
