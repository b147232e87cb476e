// POST /api/boards/:slug/import/annotations.jsonld — W3C Web Annotations (one Annotation, or an
// AnnotationCollection with its page embedded) written to the board as annotations. Owners and editors
// only (content.write). All or nothing: any problem refuses the whole import (VALIDATION, with every
// issue's path into the document); otherwise every new annotation is written by the one annotation
// writer and logged with its annotation.created op (by the importing analyst) in one board change,
// published after commit. Annotations already on the board are skipped, so an import can be repeated
// safely. The mapping is in from-web-annotation.ts and plan-import.ts.
import type { Actor } from "../actor";
import { insertAnnotations } from "../annotations/insert-annotation-batch";
import { authorize, boardIdOfSlug } from "../boards/access";
import { Prisma } from "../db/generated/client";
import type { Domain } from "../domain";
import { type Admission, admitBoardChange, commitBoardChange } from "../ops/commit-board-change";
import type { ImportDraft } from "./from-web-annotation";
import { type ImportOutcome, planImport } from "./plan-import";
import { readWebAnnotations } from "./read-web-annotations";

export type ImportAnnotationsReport = {
  imported: number;
  /** Already on the board (by id): left as they are. */
  skipped: number;
  /** One entry per annotation of the input, in its order: its IRI there, and its id on this board. */
  annotations: ImportOutcome[];
};

/** A large import holds the board's op-log lock this long at most. */
const TRANSACTION_TIMEOUT_MS = 30_000;

export async function importAnnotationsJsonLd(options: {
  domain: Domain;
  actor: Actor;
  slug: string;
  input: unknown;
}): Promise<ImportAnnotationsReport> {
  const { domain, actor } = options;
  const boardId = await boardIdOfSlug(domain.db, options.slug);
  // Authorized before the document is read, so a non-member learns nothing from its errors.
  const access = await authorize({ db: domain.db, actor, boardId, action: "content.write" });
  const drafts = readWebAnnotations(options.input);
  // One write token for the import, taken once: a retry after a concurrent import does not cost another.
  const admission = await admitBoardChange({ domain, actor, boardId, authority: { access, action: "content.write" } });
  const attempt = () => writeImport(domain, { boardId, actor, admission, drafts });
  let outcomes: ImportOutcome[];
  try {
    outcomes = await attempt();
  } catch (error) {
    // A concurrent import of the same annotations committed first; planning again skips them.
    if (!isUniqueViolation(error)) throw error;
    outcomes = await attempt();
  }
  return {
    imported: outcomes.filter((outcome) => outcome.outcome === "imported").length,
    skipped: outcomes.filter((outcome) => outcome.outcome === "skipped").length,
    annotations: outcomes,
  };
}

async function writeImport(
  domain: Domain,
  options: { boardId: string; actor: Actor; admission: Admission; drafts: ImportDraft[] },
): Promise<ImportOutcome[]> {
  const { boardId, actor, admission } = options;
  let outcomes: ImportOutcome[] = [];
  await commitBoardChange({
    domain,
    actor,
    boardId,
    authority: admission,
    transaction: { timeout: TRANSACTION_TIMEOUT_MS },
    change: async (tx) => {
      const plan = await planImport(tx, { ...options, workers: domain.workers });
      outcomes = plan.outcomes;
      return insertAnnotations(tx, boardId, plan.toWrite);
    },
  });
  return outcomes;
}

/** An id taken meanwhile: the writer's statement fails on the annotation's primary key (SQLSTATE 23505). */
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const adapterError = error.meta?.driverAdapterError as { cause?: { kind?: string } } | undefined;
  return adapterError?.cause?.kind === "UniqueConstraintViolation";
}
