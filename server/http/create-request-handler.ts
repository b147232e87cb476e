// Routes one HTTP request: better-auth under /api/auth, the JSON API under /api, and pages to Next —
// pages other than sign-in only with a session (the same session the API and the socket use).
import type { IncomingMessage, ServerResponse } from "node:http";
import { toNodeHandler } from "better-auth/node";
import { type Auth, CLIENT_ADDRESS_HEADER } from "../auth/create-auth";
import { getActor } from "../auth/get-actor";
import type { Database } from "../db/client";
import { AppError } from "../errors";
import type { Logger } from "../logger";
import { API_ROUTES } from "./api-routes";
import { checkHealth } from "./health";
import { sendError, sendJson } from "./respond";

export type PageHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Paths any visitor may load: the sign-in page and the assets every page needs. */
const PUBLIC_PAGE = /^\/(sign-in(\/|$)|_next\/|favicon\.ico$|icon\.svg$|robots\.txt$)/;

export function createRequestHandler(options: {
  db: Database;
  auth: Auth;
  logger: Logger;
  pages: PageHandler | undefined;
}): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { db, auth, logger, pages } = options;
  const authHandler = toNodeHandler(auth);

  return async (req, res) => {
    const url = new URL(req.url ?? "/", "http://internal");
    const path = url.pathname;
    try {
      if (path.startsWith("/api/auth/")) {
        req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
        return await authHandler(req, res);
      }
      if (path === "/api/health") {
        const healthy = await checkHealth(db);
        return sendJson(res, healthy ? 200 : 503, { status: healthy ? "ok" : "unavailable" });
      }
      if (path.startsWith("/api/")) return await handleApi(req, res, path);
      if (!PUBLIC_PAGE.test(path) && !(await getActor(auth, req.headers))) {
        res.writeHead(303, { location: `/sign-in?next=${encodeURIComponent(path + url.search)}` });
        return void res.end();
      }
      if (!pages) return sendJson(res, 404, { error: { code: "NOT_FOUND", message: "No pages on this server" } });
      return await pages(req, res);
    } catch (error) {
      if (!res.headersSent) sendError(res, error, logger);
      else res.destroy();
    }
  };

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    for (const route of API_ROUTES) {
      const match = route.pattern.exec(path);
      if (!match) continue;
      if (req.method !== route.method) {
        res.setHeader("allow", route.method);
        return sendJson(res, 405, { error: { code: "VALIDATION", message: `Use ${route.method}` } });
      }
      const actor = await getActor(auth, req.headers);
      if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first");
      return sendJson(res, 200, await route.handle({ db, actor, params: match.slice(1) }));
    }
    throw new AppError("NOT_FOUND", "No such API route");
  }
}
