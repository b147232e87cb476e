// Same-origin checks for cookie-authenticated requests that change things (HTTP) and for sockets:
// a browser always names the page's origin, so a foreign one is refused. Requests without an Origin
// (non-browser clients) still need the session cookie.
import type { IncomingMessage } from "node:http";

export function isSameOrigin(req: IncomingMessage, publicUrl: string): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (origin === new URL(publicUrl).origin) return true;
  const host = req.headers.host;
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
