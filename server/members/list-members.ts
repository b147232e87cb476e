// Members of a board (any member may see who is on it); pending invitations only for those who manage.
import { can } from "@/lib/permissions";
import type { WireInvitation, WireMember } from "@/lib/schemas/board";
import type { Actor } from "../actor";
import { authorize, boardIdOfSlug } from "../boards/access";
import type { Database } from "../db/client";
import { MEMBER_USER_SELECT, toWireMember } from "./to-wire-member";

export async function listMembers(options: {
  db: Database;
  actor: Actor;
  slug: string;
}): Promise<{ members: WireMember[]; invitations: WireInvitation[] }> {
  const { db, actor } = options;
  const boardId = await boardIdOfSlug(db, options.slug);
  const { role } = await authorize({ db, actor, boardId, action: "board.read" });
  const memberships = await db.membership.findMany({ where: { boardId }, include: MEMBER_USER_SELECT });
  const members = memberships.map(toWireMember).sort((a, b) => a.name.localeCompare(b.name));
  if (!can(role, "member.manage")) return { members, invitations: [] };
  const invitations = await db.invitation.findMany({ where: { boardId }, orderBy: { createdAt: "asc" } });
  return {
    members,
    invitations: invitations.map((invitation) => ({
      email: invitation.email,
      role: invitation.role,
      createdAt: invitation.createdAt.toISOString(),
    })),
  };
}
