// Sign-up is by invitation: an address with a pending invitation may create its account, and gets the
// invited roles at once. Anyone else is refused (there is no public sign-up).
import type { Actor } from "../actor";
import type { Auth } from "../auth/create-auth";
import type { Domain } from "../domain";
import { AppError, parseInput } from "../errors";
import { acceptInvitations } from "../members/accept-invitations";
import { createUser, ZUserCreate } from "./create-user";

export async function signUpInvited(options: { domain: Domain; auth: Auth; input: unknown }): Promise<Actor> {
  const { domain } = options;
  const input = parseInput(ZUserCreate, options.input);
  const invited = await domain.db.invitation.count({ where: { email: input.email } });
  if (invited === 0)
    throw new AppError("FORBIDDEN", "Sign-up is by invitation; ask a board owner to invite this address");
  const user = await createUser({ auth: options.auth, input });
  await acceptInvitations({ domain, user });
  return user;
}
