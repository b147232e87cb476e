// source:diff — what changed between two versions of a source's document, computed in the worker pool.
import { type SourceDiffAnswer, ZSourceDiff } from "@/lib/schemas/document";
import type { Actor } from "../actor";
import type { BaseDomain } from "../base-domain";
import { authorize } from "../boards/access";
import { AppError, parseInput } from "../errors";

export async function diffSourceVersions(options: {
  domain: Pick<BaseDomain, "db" | "workers">;
  actor: Actor;
  input: unknown;
}): Promise<SourceDiffAnswer> {
  const { domain, actor } = options;
  const input = parseInput(ZSourceDiff, options.input);
  await authorize({ db: domain.db, actor, boardId: input.boardId, action: "board.read" });
  const versions = await domain.db.sourceVersion.findMany({
    where: { sourceId: input.id, source: { boardId: input.boardId }, version: { in: [input.from, input.to] } },
    select: { version: true, text: true },
  });
  const textOf = (version: number) => {
    const found = versions.find((row) => row.version === version);
    if (!found) throw new AppError("NOT_FOUND", `This source has no version ${version}`);
    return found.text;
  };
  const [from, to] = [textOf(input.from), textOf(input.to)];
  const parts = await domain.workers.run("diff-versions", { from, to });
  return { from: input.from, to: input.to, parts };
}
