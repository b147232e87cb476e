// The Prisma client for one process: Rust-free client over node-postgres (@prisma/adapter-pg).
import { PrismaPg } from "@prisma/adapter-pg";
import { ClientEndedOnTimeout } from "./client-ended-on-timeout";
import { PrismaClient } from "./generated/client";

export type Database = PrismaClient;

/** How long the database may take before a request is answered UNAVAILABLE instead (issue 12). */
export type DatabaseTimeouts = {
  /**
   * Getting a connection takes no longer than this: making a new one (a host that drops packets rather
   * than refusing), or waiting for one of the pool's to come free (a database too busy to keep up).
   */
  connectMs: number;
  /** A query without an answer in this long fails (a database that hangs: paused, or cut off mid-query). */
  queryMs: number;
};

export function createDatabase(databaseUrl: string, timeouts: DatabaseTimeouts): Database {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: 10,
    connectionTimeoutMillis: timeouts.connectMs,
    // Client-side, so it also ends the wait on a database that no longer answers at all, which a
    // server-side statement_timeout cannot; the connection of a query that timed out is ended.
    query_timeout: timeouts.queryMs,
    Client: ClientEndedOnTimeout,
    // Notices a peer that vanished without closing the connection sooner than the kernel's default.
    keepAlive: true,
  });
  return new PrismaClient({ adapter });
}
