// Typed errors thrown by domain services and mapped to HTTP statuses and ack errors at the edges.
import type { z } from "zod";
import type { ErrorCode, ValidationIssue, WireError } from "@/lib/errors";

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

/** What a client may see of any error: AppErrors as they are, everything else as a bare INTERNAL. */
export function toWireError(error: unknown): WireError {
  if (error instanceof AppError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.issues ? { issues: error.issues } : {}),
      ...error.extra,
    };
  }
  return { code: "INTERNAL", message: "Something went wrong on the server" };
}
