// JSON responses and the mapping of service errors to HTTP statuses.
import type { ServerResponse } from "node:http";
import { HTTP_STATUS, logRequestFailure, toWireError } from "../errors";
import type { Logger } from "../logger";

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: unknown, logger: Logger): void {
  const wire = toWireError(error);
  logRequestFailure(logger, error, wire, { request: "request" });
  if (wire.retryAfterMs !== undefined) res.setHeader("retry-after", Math.ceil(wire.retryAfterMs / 1000));
  sendJson(res, HTTP_STATUS[wire.code], { error: wire });
}
