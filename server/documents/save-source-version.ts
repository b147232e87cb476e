// Saves new text as the next version of a source's document and re-anchors every passage annotation and
// candidate of the source in it, in one board change: the source.revised op carries the new anchors, so
// every client moves the same highlights the same way (issues 14, 15). source:revise and the HTTP upload both end here.
import type { DocumentFormat, SourceReviseAnswer } from "@/lib/schemas/document";
import type { Actor } from "../actor";
import type { BaseDomain } from "../base-domain";
import { toWireSource } from "../content/to-wire";
import type { TransactionClient } from "../db/transaction";
import { AppError } from "../errors";
import { commitBoardChange } from "../ops/commit-board-change";
import { reanchorSource } from "./reanchor-source";

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
      const { anchors, candidates } = await reanchorSource({
        tx,
        anchorPassages: (input) => domain.workers.run("reanchor", input),
        sourceId: revision.id,
        text: revision.text,
        version,
      });
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
