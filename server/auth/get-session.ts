// Resolves the signed-in analyst and their session from request headers (the session cookie), for
// HTTP and sockets alike.
import type { IncomingHttpHeaders } from "node:http";
import { fromNodeHeaders } from "better-auth/node";
import type { Actor } from "../actor";
import type { Auth } from "./create-auth";

export type ActorSession = { actor: Actor; sessionId: string; expiresAt: Date };

export async function getSession(auth: Auth, headers: IncomingHttpHeaders): Promise<ActorSession | null> {
  if (!headers.cookie) return null;
  const session = await auth.api.getSession({ headers: fromNodeHeaders(headers) });
  if (!session) return null;
  return {
    actor: { id: session.user.id, name: session.user.name, email: session.user.email },
    sessionId: session.session.id,
    expiresAt: new Date(session.session.expiresAt),
  };
}
