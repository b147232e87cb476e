// Resolves the signed-in analyst from request headers (the session cookie), for HTTP and sockets alike.
import type { IncomingHttpHeaders } from "node:http";
import { fromNodeHeaders } from "better-auth/node";
import type { Actor } from "../actor";
import type { Auth } from "./create-auth";

export async function getActor(auth: Auth, headers: IncomingHttpHeaders): Promise<Actor | null> {
  if (!headers.cookie) return null;
  const session = await auth.api.getSession({ headers: fromNodeHeaders(headers) });
  if (!session) return null;
  return { id: session.user.id, name: session.user.name, email: session.user.email };
}
