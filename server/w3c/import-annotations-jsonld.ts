// POST /api/boards/:slug/import/annotations.jsonld — W3C Web Annotations (one Annotation, or an
// AnnotationCollection with its page embedded) written to the board as annotations. Owners and editors
// only (content.write). All or nothing: any problem refuses the whole import (VALIDATION, with every
// issue's path into the document); otherwise every new annotation and its annotation.created op are
// written in one transaction and published after commit. Annotations already on the board are skipped,
// so an import can be repeated safely. The mapping is in from-web-annotation.ts and plan-import.ts.
import type { WireOp } from "@/lib/ops";
import type { Actor } from "../actor";
import { authorize, boardIdOfSlug } from "../boards/access";
import type { Database } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { Domain } from "../domain";
import type { ImportDraft } from "./from-web-annotation";
import { type ImportOutcome, planImport } from "./plan-import";
import { readWebAnnotations } from "./read-web-annotations";
import { writeImportedAnnotation } from "./write-imported-annotation";

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
  await authorize({ db: domain.db, actor, boardId, action: "content.write" });
  const drafts = readWebAnnotations(options.input);
  await domain.limiter.take(actor.id);

  const { outcomes, ops } = await writeImport(domain.db, { boardId, actor, drafts });
  for (const op of ops) domain.effects.publish(op);
  return {
    imported: outcomes.filter((outcome) => outcome.outcome === "imported").length,
    skipped: outcomes.filter((outcome) => outcome.outcome === "skipped").length,
    annotations: outcomes,
  };
}

async function writeImport(
  db: Database,
  options: { boardId: string; actor: Actor; drafts: ImportDraft[] },
): Promise<{ outcomes: ImportOutcome[]; ops: WireOp<"annotation.created">[] }> {
  const attempt = () =>
    db.$transaction(
      async (tx) => {
        const plan = await planImport(tx, options);
        const ops: WireOp<"annotation.created">[] = [];
        for (const planned of plan.toWrite) ops.push(await writeImportedAnnotation(tx, planned, options.actor));
        return { outcomes: plan.outcomes, ops };
      },
      { timeout: TRANSACTION_TIMEOUT_MS },
    );
  try {
    return await attempt();
  } catch (error) {
    // A concurrent import of the same annotations committed first; planning again skips them.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return attempt();
    throw error;
  }
}
