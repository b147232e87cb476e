// An owner withdraws a pending invitation.
import { z } from "zod";
import type { Actor } from "../actor";
import { authorize, boardIdOfSlug } from "../boards/access";
import type { Domain } from "../domain";
import { AppError, parseInput } from "../errors";

const ZEmail = z.email().transform((email) => email.toLowerCase());

export async function revokeInvitation(options: {
  domain: Domain;
  actor: Actor;
  slug: string;
  email: string;
}): Promise<{ email: string }> {
  const { domain, actor } = options;
  const email = parseInput(ZEmail, options.email);
  const boardId = await boardIdOfSlug(domain.db, options.slug);
  await authorize({ db: domain.db, actor, boardId, action: "member.manage" });
  const deleted = await domain.db.invitation.deleteMany({ where: { boardId, email } });
  if (deleted.count === 0) throw new AppError("NOT_FOUND", "No such invitation");
  return { email };
}
