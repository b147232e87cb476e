// source:read — one version of a source's document (the current one by default) and the list of all of
// them. Anyone who may read the board may read its documents.
import { type SourceReadAnswer, ZSourceRead } from "@/lib/schemas/document";
import type { Actor } from "../actor";
import { authorize } from "../boards/access";
import type { Database } from "../db/client";
import { AppError, parseInput } from "../errors";
import { asDocumentFormat } from "./document-format";

export async function readSource(options: { db: Database; actor: Actor; input: unknown }): Promise<SourceReadAnswer> {
  const { db, actor } = options;
  const input = parseInput(ZSourceRead, options.input);
  await authorize({ db, actor, boardId: input.boardId, action: "board.read" });
  const source = await db.source.findFirst({
    where: { id: input.id, boardId: input.boardId },
    select: {
      currentVersion: true,
      versions: {
        orderBy: { version: "asc" },
        select: { version: true, createdAt: true, format: true, author: { select: { id: true, name: true } } },
      },
    },
  });
  if (!source) throw new AppError("NOT_FOUND", "No such source");
  const version = input.version ?? source.currentVersion;
  if (version === 0) throw new AppError("NOT_FOUND", "This source holds no document yet");
  const stored = await db.sourceVersion.findUnique({
    where: { sourceId_version: { sourceId: input.id, version } },
    select: { text: true, pageStarts: true, format: true },
  });
  if (!stored) throw new AppError("NOT_FOUND", `This source has no version ${version}`);
  return {
    version,
    text: stored.text,
    pageStarts: stored.pageStarts,
    format: asDocumentFormat(stored.format),
    versions: source.versions.map((row) => ({
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      author: row.author,
      format: asDocumentFormat(row.format),
    })),
  };
}
