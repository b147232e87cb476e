// The Prisma client better-auth reads and writes through, with one difference: an error that says the
// database cannot be reached becomes better-auth's own 503 (code UNAVAILABLE, Retry-After), which it
// answers as JSON like any refusal. Otherwise better-auth renders such an error as an empty 500, and a
// sign-in during an outage looked like a bug instead of "try again in a moment" (issue 12). The
// original error stays as `cause`, so toWireError still classifies session lookups made by our own
// edges (socket handshake, API) as UNAVAILABLE.
import { APIError } from "better-auth/api";
import type { Database } from "../db/client";
import { type DatabaseTrouble, databaseTrouble } from "../db/database-unavailable";
import { DATABASE_RETRY_AFTER_MS, DATABASE_UNAVAILABLE } from "../errors";

export function authDatabase(db: Database) {
  return db.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          const trouble = databaseTrouble(error);
          throw trouble ? databaseUnavailableForAuth(trouble, error) : error;
        }
      },
    },
  });
}

function databaseUnavailableForAuth(trouble: DatabaseTrouble, cause: unknown): APIError {
  const { code, message } = DATABASE_UNAVAILABLE[trouble];
  const refusal = new APIError(
    "SERVICE_UNAVAILABLE",
    { code, message },
    { "retry-after": String(Math.ceil(DATABASE_RETRY_AFTER_MS / 1000)) },
  );
  // Not in the body: better-auth serialises the body into the answer, and the cause names hosts.
  Object.defineProperty(refusal, "cause", { value: cause, enumerable: false });
  return refusal;
}
