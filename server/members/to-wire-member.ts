// A membership as clients see it.
import type { BoardRole, WireMember } from "@/lib/schemas/board";

export const MEMBER_USER_SELECT = { user: { select: { name: true, email: true } } } as const;

export function toWireMember(row: {
  userId: string;
  role: BoardRole;
  user: { name: string; email: string };
}): WireMember {
  return { userId: row.userId, name: row.user.name, email: row.user.email, role: row.role };
}
