// Enforces lib/permissions.ts: services call authorize() before every read and write of a board;
// edges never decide access.
import { type BoardAction, can } from "@/lib/permissions";
import type { BoardRole } from "@/lib/schemas/board";
import type { Actor } from "../actor";
import type { Database } from "../db/client";
import type { TransactionClient } from "../db/transaction";
import { AppError } from "../errors";

export type Access = { role: BoardRole; archived: boolean };

/** Actions still allowed on an archived board: reading it, and the owner's way back out. */
const ALLOWED_WHEN_ARCHIVED: ReadonlySet<BoardAction> = new Set([
  "board.read",
  "board.archive",
  "board.delete",
  "member.manage",
]);

/**
 * Resolves the actor's role on a board and checks the action. A board the actor is not a member of
 * answers NOT_FOUND, exactly like one that does not exist, so checks leak nothing.
 */
export async function authorize(options: {
  db: Database | TransactionClient;
  actor: Actor;
  boardId: string;
  action: BoardAction;
}): Promise<Access> {
  const membership = await options.db.membership.findUnique({
    where: { boardId_userId: { boardId: options.boardId, userId: options.actor.id } },
    select: { role: true, board: { select: { archivedAt: true } } },
  });
  if (!membership) throw new AppError("NOT_FOUND", "No such board");
  const access = { role: membership.role, archived: membership.board.archivedAt !== null };
  permit(access, options.action);
  return access;
}

/**
 * Checks a further action against access already resolved by authorize(), without another query:
 * for writes whose rule depends on the row (one's own annotation or someone else's).
 */
export function permit(access: Access, action: BoardAction): void {
  if (!can(access.role, action)) throw new AppError("FORBIDDEN", `A board ${access.role} may not do this`);
  if (access.archived && !ALLOWED_WHEN_ARCHIVED.has(action)) {
    throw new AppError("CONFLICT", "This board is archived; an owner can restore it");
  }
}

/** Resolves a slug to a board id, answering NOT_FOUND for a missing board (authorize does the rest). */
export async function boardIdOfSlug(db: Database, slug: string): Promise<string> {
  const board = await db.board.findUnique({ where: { slug }, select: { id: true } });
  if (!board) throw new AppError("NOT_FOUND", "No such board");
  return board.id;
}
