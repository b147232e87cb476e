// Routes one HTTP request: better-auth under /api/auth, the JSON API under /api, and pages to Next —
// pages other than sign-in and sign-up only with a session (the one the API and the socket use).
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline, Readable } from "node:stream";
import { fromNodeHeaders, toNodeHandler } from "better-auth/node";
import { LIMITS } from "@/lib/schemas/common";
import { type Auth, CLIENT_ADDRESS_HEADER } from "../auth/create-auth";
import { getSession } from "../auth/get-session";
import type { Domain } from "../domain";
import { AppError } from "../errors";
import type { Logger } from "../logger";
import { API_ROUTES } from "./api-routes";
import type { ClientAddressOf } from "./client-address";
import { checkHealth, databaseProbe, HEALTH_HTTP_STATUS, type HealthProbe } from "./health";
import { readBytesBody, readJsonBody, readTextBody } from "./read-json-body";
import { sendError, sendJson } from "./respond";
import { isSameOrigin } from "./same-origin";
import { applyPageCsp, setSecurityHeaders } from "./security-headers";

export type PageHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Paths any visitor may load: sign-in, sign-up, and the assets every page needs. */
const PUBLIC_PAGE = /^\/(sign-in(\/|$)|sign-up(\/|$)|_next\/|favicon\.ico$|icon\.svg$|robots\.txt$)/;

export function createRequestHandler(options: {
  domain: Domain;
  auth: Auth;
  logger: Logger;
  publicUrl: string;
  dev: boolean;
  pages: PageHandler | undefined;
  /** Checks /api/health runs besides the database's (server/http/health.ts); default none. */
  healthProbes?: readonly HealthProbe[];
  /** The address the sign-in throttle counts a request under (server/http/client-address.ts). */
  clientAddress: ClientAddressOf;
}): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { domain, auth, logger, pages, publicUrl } = options;
  const authHandler = toNodeHandler(auth);
  const https = publicUrl.startsWith("https:");
  const healthProbes = [databaseProbe(domain.db), ...(options.healthProbes ?? [])];

  return async (req, res) => {
    const url = new URL(req.url ?? "/", "http://internal");
    const path = url.pathname;
    setSecurityHeaders(res, { https });
    try {
      if (path.startsWith("/api/auth/")) {
        req.headers[CLIENT_ADDRESS_HEADER] = options.clientAddress(
          req.socket.remoteAddress,
          req.headers["x-forwarded-for"],
        );
        return await authHandler(req, res);
      }
      // Liveness, apart from readiness: the process answers at all. A supervisor that restarts what is
      // unhealthy asks this, so a database outage (readiness 503 everywhere) does not restart every node.
      if (path === "/api/health/live") return sendJson(res, 200, { status: "live" });
      if (path === "/api/health") {
        const report = await checkHealth(healthProbes);
        return sendJson(res, HEALTH_HTTP_STATUS[report.status], report);
      }
      if (path.startsWith("/api/")) return await handleApi(req, res, path);
      if (!PUBLIC_PAGE.test(path) && !(await getSession(auth, req.headers))) {
        res.writeHead(303, { location: `/sign-in?next=${encodeURIComponent(path + url.search)}` });
        return void res.end();
      }
      if (!pages) return sendJson(res, 404, { error: { code: "NOT_FOUND", message: "No pages on this server" } });
      if (!path.startsWith("/_next/")) applyPageCsp(req, res, { dev: options.dev });
      return await pages(req, res);
    } catch (error) {
      if (!res.headersSent) sendError(res, error, logger);
      else res.destroy();
    }
  };

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const matching = API_ROUTES.map((route) => ({ route, match: route.pattern.exec(path) })).filter(
      ({ match }) => match,
    );
    if (!matching.length) throw new AppError("NOT_FOUND", "No such API route");
    const found = matching.find(({ route }) => route.method === req.method);
    if (!found?.match) {
      res.setHeader("allow", matching.map(({ route }) => route.method).join(", "));
      return sendJson(res, 405, {
        error: { code: "VALIDATION", message: `Use ${matching.map(({ route }) => route.method).join(" or ")}` },
      });
    }
    if (req.method !== "GET" && !isSameOrigin(req, publicUrl))
      throw new AppError("FORBIDDEN", "Cross-site request refused");
    const rule = found.route.body ?? {};
    const maxBytes = rule.maxBytes ?? LIMITS.httpBodyBytes;
    const body =
      req.method === "GET"
        ? undefined
        : rule.kind === "text"
          ? await readTextBody(req, maxBytes)
          : rule.kind === "bytes"
            ? await readBytesBody(req, maxBytes)
            : await readJsonBody(req, maxBytes);
    const headers = fromNodeHeaders(req.headers);
    const params = found.match.slice(1);
    const query = Object.fromEntries(new URL(req.url ?? "/", "http://internal").searchParams);
    let answer: unknown;
    if (found.route.public) {
      answer = await found.route.handle({ domain, auth, params, query, publicUrl, body, headers });
    } else {
      const session = await getSession(auth, req.headers);
      if (!session) throw new AppError("UNAUTHENTICATED", "Sign in first");
      answer = await found.route.handle({
        domain,
        auth,
        actor: session.actor,
        params,
        query,
        publicUrl,
        body,
        headers,
      });
    }
    if (answer instanceof Response) return sendResponse(res, answer);
    sendJson(res, 200, answer);
  }
}

async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("set-cookie", cookies);
  res.setHeader("cache-control", "no-store");
  if (!response.body) return void res.end();
  // pipeline, not pipe: a body that fails half way (a streamed export whose worker died) must end the
  // response, which then reaches the client cut short instead of hanging open.
  pipeline(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), res, () => {});
}
