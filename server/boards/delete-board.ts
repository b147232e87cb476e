// An owner deletes a board with everything on it. Everyone watching it is told and leaves its room.
import type { Actor } from "../actor";
import type { Domain } from "../domain";
import { authorize, boardIdOfSlug } from "./access";

export async function deleteBoard(options: { domain: Domain; actor: Actor; slug: string }): Promise<{ id: string }> {
  const { domain, actor } = options;
  const boardId = await boardIdOfSlug(domain.db, options.slug);
  await authorize({ db: domain.db, actor, boardId, action: "board.delete" });
  await domain.limiter.take(actor.id);
  await domain.db.board.delete({ where: { id: boardId } });
  await domain.effects.evict(boardId, null, "deleted");
  return { id: boardId };
}
