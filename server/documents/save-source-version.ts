// Saves new text as the next version of a source's document and re-anchors every passage annotation on
// the source in it, in one board change: the source.revised op carries the new anchors, so every client
// moves the same highlights the same way (issue 14). source:revise and the HTTP upload both end here.
import type { QuoteSelector } from "@/lib/anchoring";
import type { DocumentFormat, SourceReviseAnswer, WireReanchor } from "@/lib/schemas/document";
import type { Actor } from "../actor";
import type { BaseDomain } from "../base-domain";
import { reanchorCandidates } from "../candidates/reanchor-candidates";
import { toWireSource } from "../content/to-wire";
import type { TransactionClient } from "../db/transaction";
import { AppError } from "../errors";
import { commitBoardChange } from "../ops/commit-board-change";
import type { AnchorPassages } from "./anchor-passages";

export type NewSourceVersion = {
  boardId: string;
  id: string;
  text: string;
  pageStarts: number[];
  format: DocumentFormat;
  basedOnVersion: number;
};

/**
 * The re-anchoring runs in the worker pool while the transaction holds the source's row: a second revision
 * waits for it rather than anchoring against a version that is about to be replaced.
 */
const REVISION_TIMEOUT_MS = 60_000;

export async function saveSourceVersion(options: {
  domain: BaseDomain;
  actor: Actor;
  revision: NewSourceVersion;
}): Promise<SourceReviseAnswer> {
  const { domain, actor, revision } = options;
  const version = revision.basedOnVersion + 1;
  const [op] = await commitBoardChange({
    domain,
    actor,
    boardId: revision.boardId,
    authority: { action: "content.write" },
    transaction: { timeout: REVISION_TIMEOUT_MS },
    change: async (tx) => {
      await claimNextVersion(tx, revision);
      await tx.sourceVersion.create({
        data: {
          id: crypto.randomUUID(),
          sourceId: revision.id,
          version,
          text: revision.text,
          pageStarts: revision.pageStarts,
          format: revision.format,
          authorId: actor.id,
        },
      });
      const anchorPassages: AnchorPassages = (input) => domain.workers.run("reanchor", input);
      const anchors = await reanchorPassages(tx, anchorPassages, revision.id, revision.text, version);
      // The source's candidates (issue 15) follow their passages the same way.
      const candidates = await reanchorCandidates(tx, anchorPassages, revision.id, revision.text, version);
      const source = toWireSource(await tx.source.findUniqueOrThrow({ where: { id: revision.id } }));
      return [
        { type: "source.revised", entityId: revision.id, data: { source, version, anchors, candidates } },
      ] as const;
    },
  });
  return { ...op.data, seq: op.seq };
}

/** Moves the source to the next version only if it is still at the one the text was based on (row lock). */
async function claimNextVersion(tx: TransactionClient, revision: NewSourceVersion): Promise<void> {
  const claimed = await tx.source.updateMany({
    where: { id: revision.id, boardId: revision.boardId, currentVersion: revision.basedOnVersion },
    data: { currentVersion: revision.basedOnVersion + 1 },
  });
  if (claimed.count === 1) return;
  const current = await tx.source.findFirst({ where: { id: revision.id, boardId: revision.boardId } });
  if (!current) throw new AppError("NOT_FOUND", "No such source");
  throw new AppError(
    "CONFLICT",
    `The document is at version ${current.currentVersion} now, not ${revision.basedOnVersion}: read version ${current.currentVersion} and apply your changes to it`,
  );
}

/** Finds every passage annotation on the source in the new text and stores where it is. */
export async function reanchorPassages(
  tx: TransactionClient,
  anchorPassages: AnchorPassages,
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
  const spans = await anchorPassages({ text, selectors });
  const anchors: WireReanchor[] = passages.map(({ id }, index) => {
    const span = spans[index];
    return span
      ? { annotationId: id, status: "anchored", start: span.start, end: span.end }
      : { annotationId: id, status: "orphaned" };
  });
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
