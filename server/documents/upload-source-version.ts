// POST /api/boards/:slug/sources/:id/versions — a file (text, HTML or PDF) becomes the next version of a
// source's document, for scripts: its text is extracted in the worker pool, then it is saved and every
// passage note re-anchored exactly as source:revise does. The body's size was capped before it was read.
import { ZDocumentText } from "@/lib/schemas/common";
import type { SourceReviseAnswer } from "@/lib/schemas/document";
import type { Actor } from "../actor";
import type { BaseDomain } from "../base-domain";
import { authorize, boardIdOfSlug } from "../boards/access";
import { AppError, parseInput } from "../errors";
import type { DocumentFile } from "./extract/extract-document";
import { extractInWorker } from "./extract/extract-in-worker";
import { saveSourceVersion } from "./save-source-version";

export async function uploadSourceVersion(options: {
  domain: BaseDomain;
  actor: Actor;
  slug: string;
  sourceId: string;
  /** The query's `basedOnVersion`; the current version when left out. */
  basedOnVersion: string | undefined;
  file: DocumentFile;
}): Promise<SourceReviseAnswer> {
  const { domain, actor, sourceId } = options;
  const boardId = await boardIdOfSlug(domain.db, options.slug);
  // Before the worker reads the file: a viewer's upload costs no extraction.
  await authorize({ db: domain.db, actor, boardId, action: "content.write" });
  const source = await domain.db.source.findFirst({ where: { id: sourceId, boardId }, select: { currentVersion: true } });
  if (!source) throw new AppError("NOT_FOUND", "No such source");
  const basedOnVersion = versionOf(options.basedOnVersion) ?? source.currentVersion;
  const document = await extractInWorker(domain.workers, options.file);
  const text = parseInput(ZDocumentText, document.text);
  return saveSourceVersion({
    domain,
    actor,
    revision: { boardId, id: sourceId, text, basedOnVersion, pageStarts: document.pageStarts, format: document.format },
  });
}

function versionOf(query: string | undefined): number | undefined {
  if (query === undefined) return undefined;
  if (!/^\d{1,9}$/.test(query))
    throw new AppError("VALIDATION", "basedOnVersion must be a version number", [
      { path: ["basedOnVersion"], message: "not a whole number" },
    ]);
  return Number(query);
}
