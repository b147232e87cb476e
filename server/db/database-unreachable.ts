// Recognises "the database cannot be reached" among the errors Prisma, @prisma/adapter-pg and pg throw,
// so every edge answers them the same way: UNAVAILABLE (retry), not INTERNAL (issue 12). What each layer
// throws was observed against a stopped and a paused cluster, not guessed:
// - Prisma wraps the adapter's DriverAdapterError in a PrismaClientKnownRequestError (P1001 "Can't reach
//   database server", or P2010 for raw queries) with `meta.driverAdapterError.cause.kind`
//   (DatabaseNotReachable, ConnectionClosed, SocketTimeout, TooManyConnections, or `postgres` with the
//   SQLSTATE in `code`/`originalCode`: 57P01 when a fast shutdown ends a running query);
// - errors the adapter does not convert come through as they are: pg's "Connection terminated
//   unexpectedly", "Client has encountered a connection error and is not queryable", the pool's
//   "timeout exceeded when trying to connect", the read timeout's "Query read timeout";
// - a transaction that cannot get a connection in time fails with P2028 "Unable to start a transaction".

/** Socket errors (node) that mean the server is down, restarting or cut off. */
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

/** Prisma's codes for a database it could not reach, that stopped answering, or hung up. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

/** @prisma/adapter-pg's error kinds for the same. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/**
 * SQLSTATEs: class 08 (connection exception), 57P01-57P03 (admin/crash shutdown, cannot connect now),
 * 53300 (too many connections) — all go away by themselves.
 */
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

/** Messages of errors that carry no code (pg's client and pool, Prisma's transaction manager). */
const MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Query read timeout|Can't reach database server|Unable to start a transaction in the given time|Connection is not open|Client was closed and is not queryable/i;

/** Whether `error` (or what it wraps) says the database is unreachable for now, as opposed to a bug. */
export function isDatabaseUnreachable(error: unknown): boolean {
  return causes(error).some(meansUnreachable);
}

function meansUnreachable(error: Record<string, unknown>): boolean {
  const { code, originalCode, kind, message } = error;
  if (typeof code === "string" && (SOCKET_CODES.has(code) || PRISMA_CODES.has(code) || SQLSTATE.test(code)))
    return true;
  if (typeof originalCode === "string" && SQLSTATE.test(originalCode)) return true;
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  return typeof message === "string" && MESSAGES.test(message);
}

/** The error and everything it wraps: `cause` chains, AggregateError's list, Prisma's adapter error. */
function causes(error: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const queue: unknown[] = [error];
  // Bounded: a cyclic or very deep chain must not hang the edge that is answering a client.
  while (queue.length && found.length < 20) {
    const next = queue.shift();
    if (typeof next !== "object" || next === null || found.includes(next as Record<string, unknown>)) continue;
    const record = next as Record<string, unknown>;
    found.push(record);
    queue.push(record.cause);
    if (Array.isArray(record.errors)) queue.push(...record.errors);
    const meta = record.meta as { driverAdapterError?: unknown } | undefined;
    if (typeof meta === "object" && meta !== null) queue.push(meta.driverAdapterError);
  }
  return found;
}
