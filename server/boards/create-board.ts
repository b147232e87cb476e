// Creates a board with its creator as owner. The slug comes from the title and is made unique.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { LIMITS } from "@/lib/schemas/common";
import type { Actor } from "../actor";
import type { Database } from "../db/client";
import { parseInput } from "../errors";

export const ZBoardCreate = z.strictObject({
  title: z.string().trim().min(1, "a board needs a title").max(LIMITS.title),
  description: z.string().trim().max(2000).default(""),
});

export async function createBoard(options: {
  db: Database;
  actor: Actor;
  input: unknown;
}): Promise<{ id: string; slug: string }> {
  const input = parseInput(ZBoardCreate, options.input);
  const base = slugify(input.title);
  const taken = await options.db.board.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  const takenSlugs = new Set(taken.map((board) => board.slug));
  let slug = base;
  for (let n = 2; takenSlugs.has(slug); n++) slug = `${base}-${n}`;
  const id = randomUUID();
  await options.db.board.create({
    data: {
      id,
      slug,
      title: input.title,
      description: input.description,
      memberships: { create: { userId: options.actor.id, role: "owner" } },
    },
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
