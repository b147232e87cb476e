// A later version of a demo source's document, saved as source:revise saves one (issue 14): the source
// moves to the next version, the version row is written, every passage note on the source is re-anchored
// in the new text and its anchor stored, and a source.revised op carries the anchors.
// The server's path (server/documents/save-source-version.ts) runs inside commitBoardChange, which needs
// an acting member's socket domain (authority, write limit, live effects) and hands the anchoring to the
// worker pool; the seed runs before either exists (and from scripts/seed-demo.ts, which has no pool). So
// it calls the worker task's own function (reanchorTask: lib/anchoring's anchorAll) in this thread,
// with the selectors built as the server builds them, and logs the op itself, as it does for its notes.
import type { QuoteSelector } from "@/lib/anchoring";
import type { WireReanchor } from "@/lib/schemas/document";
import { toWireSource } from "../content/to-wire";
import type { TransactionClient } from "../db/transaction";
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
  const anchors = await reanchorDemoPassages(tx, sourceId, text, version);
  const source = toWireSource(await tx.source.findUniqueOrThrow({ where: { id: sourceId } }));
  return { type: "source.revised", entityId: sourceId, actorId: authorId, data: { source, version, anchors } };
}

/** As save-source-version.ts's reanchorPassages: same rows, same selectors, same stored columns. */
async function reanchorDemoPassages(
  tx: TransactionClient,
  sourceId: string,
  text: string,
  version: number,
): Promise<WireReanchor[]> {
  const passages = await tx.annotation.findMany({
    where: { sourceId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      quoteExact: true,
      quotePrefix: true,
      quoteSuffix: true,
      quoteStart: true,
      quoteEnd: true,
      anchorStart: true,
      anchorEnd: true,
    },
  });
  if (!passages.length) return [];
  // Where the passage was last found is the best guess of where it is now; an orphan's is where it was chosen.
  const selectors: QuoteSelector[] = passages.map((passage) => ({
    exact: passage.quoteExact ?? "",
    prefix: passage.quotePrefix ?? "",
    suffix: passage.quoteSuffix ?? "",
    start: passage.anchorStart ?? passage.quoteStart ?? 0,
    end: passage.anchorEnd ?? passage.quoteEnd ?? 0,
  }));
  const spans = reanchorTask({ text, selectors });
  const anchors: WireReanchor[] = passages.map(({ id }, index) => {
    const span = spans[index];
    return span
      ? { annotationId: id, status: "anchored", start: span.start, end: span.end }
      : { annotationId: id, status: "orphaned" };
  });
  // One raw UPDATE, as the server's: Prisma's update would also stamp the notes' updatedAt, which a
  // re-anchoring leaves alone.
  const rows = anchors.map((anchor) => ({
    id: anchor.annotationId,
    start: anchor.status === "anchored" ? anchor.start : null,
    end: anchor.status === "anchored" ? anchor.end : null,
  }));
  await tx.$executeRaw`
    UPDATE "Annotation" a SET "anchorVersion" = ${version}, "anchorStart" = x.start, "anchorEnd" = x."end"
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id uuid, start int, "end" int)
    WHERE a.id = x.id`;
  return anchors;
}
