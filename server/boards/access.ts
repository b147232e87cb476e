// Who may do what on a board. Services call this before every read and write; edges never decide access.
import type { BoardRole } from "@/lib/schemas/board";
import type { Actor } from "../actor";
import type { Database } from "../db/client";
import { AppError } from "../errors";

export type BoardAction = "board.read" | "annotation.create";

const ALLOWED_ROLES: Record<BoardAction, readonly BoardRole[]> = {
  "board.read": ["owner", "editor", "commenter", "viewer"],
  "annotation.create": ["owner", "editor", "commenter"],
};

export function can(role: BoardRole, action: BoardAction): boolean {
  return ALLOWED_ROLES[action].includes(role);
}

/**
 * Resolves the actor's role on a board and checks the action. A board the actor is not a member of
 * answers NOT_FOUND, exactly like one that does not exist, so membership checks leak nothing.
 */
export async function authorize(options: {
  db: Pick<Database, "membership">;
  actor: Actor;
  boardId: string;
  action: BoardAction;
}): Promise<BoardRole> {
  const membership = await options.db.membership.findUnique({
    where: { boardId_userId: { boardId: options.boardId, userId: options.actor.id } },
    select: { role: true },
  });
  if (!membership) throw new AppError("NOT_FOUND", "No such board");
  if (!can(membership.role, options.action)) {
    throw new AppError("FORBIDDEN", `A ${membership.role} may not do this on this board`);
  }
  return membership.role;
}
