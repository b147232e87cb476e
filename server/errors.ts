// Typed errors thrown by domain services and mapped to HTTP statuses and ack errors at the edges.
import type { z } from "zod";
import type { ErrorCode, ValidationIssue, WireError } from "@/lib/errors";
import { type DatabaseTrouble, databaseTrouble } from "./db/database-unavailable";
import type { Logger } from "./logger";

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ValidationIssue[],
    readonly extra: Pick<WireError, "retryAfterMs" | "current"> = {},
  ) {
    super(message);
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNAVAILABLE: 503,
  INTERNAL: 500,
  // Only a socket handshake refuses it; a page built for another version must reload.
  PROTOCOL_MISMATCH: 400,
};

/** Parses with a shared schema; failure becomes a VALIDATION error carrying zod's issues. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === "symbol" ? String(part) : part)),
    message: issue.message,
  }));
  throw new AppError("VALIDATION", "The request is not valid", issues);
}

/** How long a client is asked to wait before retrying while the database cannot serve requests. */
export const DATABASE_RETRY_AFTER_MS = 2_000;

/** The answer to any request that needed the database while it could not serve it (issue 12). */
export const DATABASE_UNAVAILABLE: Record<DatabaseTrouble, WireError> = {
  unreachable: {
    code: "UNAVAILABLE",
    message: "The database is unreachable; retry in a moment",
    retryAfterMs: DATABASE_RETRY_AFTER_MS,
  },
  "not answering": {
    code: "UNAVAILABLE",
    message: "The database is not answering in time; retry in a moment",
    retryAfterMs: DATABASE_RETRY_AFTER_MS,
  },
};

/**
 * What a client may see of any error: AppErrors as they are; a database that cannot serve the request
 * now as UNAVAILABLE (send the same request again later: a create carries its own id, so a commit whose
 * answer was lost is answered with its first result); everything else as a bare INTERNAL.
 */
export function toWireError(error: unknown): WireError {
  if (error instanceof AppError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.issues ? { issues: error.issues } : {}),
      ...error.extra,
    };
  }
  const trouble = databaseTrouble(error);
  if (trouble) return { ...DATABASE_UNAVAILABLE[trouble] };
  return { code: "INTERNAL", message: "Something went wrong on the server" };
}

/**
 * One log line for a request that failed, at the level it deserves: a bug (INTERNAL) as an error, a
 * database that could not serve it as a warning naming the kind, a refusal (AppError) at debug.
 */
export function logRequestFailure(
  logger: Logger,
  error: unknown,
  wire: WireError,
  context: { request: string } & Record<string, unknown>,
): void {
  if (wire.code === "INTERNAL") logger.error({ err: error, ...context }, `${context.request} failed`);
  else if (error instanceof AppError) logger.debug({ ...context, code: wire.code }, `${context.request} refused`);
  else logger.warn({ err: error, ...context }, `${context.request} refused: the database is ${databaseTrouble(error)}`);
}
