// Who may do what on a board: the one policy table. The server enforces it in every domain service
// (server/boards/access.ts); the browser reads it only to hide what the server would refuse.
import type { BoardRole } from "./schemas/board";

export const BOARD_ACTIONS = {
  "board.read": ["owner", "editor", "commenter", "viewer"],
  "board.update": ["owner"],
  "board.archive": ["owner"],
  "board.delete": ["owner"],
  "member.manage": ["owner"],
  "annotation.create": ["owner", "editor", "commenter"],
  /** Edit or delete one's own annotation. */
  "annotation.edit-own": ["owner", "editor", "commenter"],
  /** Delete someone else's annotation (moderation). */
  "annotation.delete-any": ["owner", "editor"],
  /** Resolve or reopen a thread. */
  "annotation.resolve": ["owner", "editor", "commenter"],
  /** The board's facts: events, sources, indicators and observations (also CSV and JSON-LD imports). */
  "content.write": ["owner", "editor"],
} as const satisfies Record<string, readonly BoardRole[]>;

export type BoardAction = keyof typeof BOARD_ACTIONS;

export function can(role: BoardRole | null | undefined, action: BoardAction): boolean {
  return role ? (BOARD_ACTIONS[action] as readonly BoardRole[]).includes(role) : false;
}
