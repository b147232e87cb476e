// Error codes and the result union every ack and JSON error uses, shared by browser and server.

export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "VALIDATION",
  "CONFLICT",
  "RATE_LIMITED",
  "PAYLOAD_TOO_LARGE",
  "UNAVAILABLE",
  "INTERNAL",
  /** At the handshake: the page speaks another version of the live protocol (lib/protocol.ts). */
  "PROTOCOL_MISMATCH",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ValidationIssue = { path: (string | number)[]; message: string };

export type WireError = {
  code: ErrorCode;
  message: string;
  issues?: ValidationIssue[];
  /** With RATE_LIMITED, or UNAVAILABLE from a full work queue: how long to wait before the next attempt can pass. */
  retryAfterMs?: number;
  /** With CONFLICT on an edit: the current state the edit collided with. */
  current?: unknown;
};

export type Failure = { ok: false; error: WireError };

/** What every ack carries: the success payload flattened beside `ok`, or the error. */
export type Result<T extends object> = ({ ok: true } & T) | Failure;
