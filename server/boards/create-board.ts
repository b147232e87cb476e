// Any signed-in analyst may open a board for a new crisis and becomes its owner. The slug comes from
// the title and is made unique. The board starts its history with a genesis checkpoint (docs/history.md).
import { randomUUID } from "node:crypto";
import { ZBoardCreate } from "@/lib/schemas/board";
import type { Actor } from "../actor";
import type { Domain } from "../domain";
import { parseInput } from "../errors";
import { checkpointCurrentRows } from "../history/checkpoints";

export async function createBoard(options: {
  domain: Pick<Domain, "db" | "limiter">;
  actor: Actor;
  input: unknown;
}): Promise<{ id: string; slug: string }> {
  const { domain, actor } = options;
  const input = parseInput(ZBoardCreate, options.input);
  await domain.limiter.take(actor.id);
  const base = slugify(input.title);
  const taken = await domain.db.board.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  const takenSlugs = new Set(taken.map((board) => board.slug));
  let slug = base;
  for (let n = 2; takenSlugs.has(slug); n++) slug = `${base}-${n}`;
  const id = randomUUID();
  await domain.db.$transaction(async (tx) => {
    await tx.board.create({
      data: {
        id,
        slug,
        title: input.title,
        description: input.description,
        memberships: { create: { userId: actor.id, role: "owner" } },
      },
    });
    // The genesis checkpoint (issue 19): the board as board:join shows it at seq 0, where every "as of"
    // replay of its history can start.
    await checkpointCurrentRows(tx, id, "genesis");
  });
  return { id, slug };
}

export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "board";
}
