// Recognises "the database cannot serve this request now" among the errors Prisma, @prisma/adapter-pg
// and pg throw, so every edge answers them the same way: UNAVAILABLE (retry), not INTERNAL (issue 12).
// Two kinds, because they call for different words to the analyst and in the logs:
// - unreachable: refused, closed, shut down — the database is down or restarting;
// - not answering: a timeout — a database that hangs, or one so busy that no connection of the pool
//   came free in time (pg-pool's "timeout exceeded when trying to connect" is the same error for a
//   slow new connection and for a full pool; Prisma's P2024/P2028 likewise).
// What each layer throws was observed against a stopped and a paused cluster, not guessed:
// - Prisma wraps the adapter's DriverAdapterError in a PrismaClientKnownRequestError (P1001 "Can't reach
//   database server", or P2010 for raw queries) with `meta.driverAdapterError.cause.kind`
//   (DatabaseNotReachable, ConnectionClosed, SocketTimeout, TooManyConnections, or `postgres` with the
//   SQLSTATE in `code`/`originalCode`: 57P01 when a fast shutdown ends a running query);
// - errors the adapter does not convert come through as they are: pg's "Connection terminated
//   unexpectedly", "Client has encountered a connection error and is not queryable", the pool's
//   "timeout exceeded when trying to connect", the read timeout's "Query read timeout";
// - a transaction that cannot get a connection in time fails with P2028 "Unable to start a transaction",
//   one that outlived its timeout behind a slow query with "…expired transaction".

export type DatabaseTrouble = "unreachable" | "not answering";

type Signs = {
  socketCodes: ReadonlySet<string>;
  prismaCodes: ReadonlySet<string>;
  adapterKinds: ReadonlySet<string>;
  sqlstate: RegExp;
  messages: RegExp;
};

const UNREACHABLE: Signs = {
  socketCodes: new Set([
    "ECONNREFUSED",
    "ECONNRESET",
    "EPIPE",
    "ENOTFOUND",
    "EAI_AGAIN",
    "EHOSTUNREACH",
    "ENETUNREACH",
  ]),
  /** Can't reach the server; the server closed the connection. */
  prismaCodes: new Set(["P1001", "P1017"]),
  adapterKinds: new Set(["DatabaseNotReachable", "ConnectionClosed"]),
  /** Class 08 (connection exception), 57P01-57P03 (admin/crash shutdown, cannot connect now). */
  sqlstate: /^(08[0-9A-Z]{3}|57P0[123])$/,
  messages:
    /Connection terminated|connection error and is not queryable|Can't reach database server|Connection is not open|Client was closed and is not queryable/i,
};

const NOT_ANSWERING: Signs = {
  socketCodes: new Set(["ETIMEDOUT"]),
  /** Reached but timed out; operations timed out; no connection from the pool in time. */
  prismaCodes: new Set(["P1002", "P1008", "P2024"]),
  adapterKinds: new Set(["SocketTimeout", "TooManyConnections"]),
  /** Too many connections: goes away when others finish. */
  sqlstate: /^53300$/,
  messages:
    /timeout exceeded when trying to connect|Query read timeout|Unable to start a transaction in the given time|expired transaction/i,
};

/** What kind of trouble `error` (or what it wraps) reports, or null when it is not about availability. */
export function databaseTrouble(error: unknown): DatabaseTrouble | null {
  const chain = causes(error);
  if (chain.some((link) => shows(link, UNREACHABLE))) return "unreachable";
  if (chain.some((link) => shows(link, NOT_ANSWERING))) return "not answering";
  return null;
}

/** Whether the request failed only because the database could not serve it now (retry later). */
export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseTrouble(error) !== null;
}

function shows(error: Record<string, unknown>, signs: Signs): boolean {
  const { code, originalCode, kind, message } = error;
  if (
    typeof code === "string" &&
    (signs.socketCodes.has(code) || signs.prismaCodes.has(code) || signs.sqlstate.test(code))
  )
    return true;
  if (typeof originalCode === "string" && signs.sqlstate.test(originalCode)) return true;
  if (typeof kind === "string" && signs.adapterKinds.has(kind)) return true;
  return typeof message === "string" && signs.messages.test(message);
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
