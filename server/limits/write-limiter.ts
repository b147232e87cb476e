// Per-analyst write rate (WRITE_RATE_PER_SEC with a WRITE_BURST), shared across nodes through Postgres.
import type { Database } from "../db/client";
import { AppError } from "../errors";
import { returnTokens, takeTokens } from "./token-bucket";

/** Each analyst's bucket key with how many of the entries are theirs. */
function countKeys(userIds: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const userId of userIds) counts.set(`write:${userId}`, (counts.get(`write:${userId}`) ?? 0) + 1);
  return counts;
}

export type WriteLimiter = {
  take: (userId: string) => Promise<void>;
  /**
   * One token per entry (an analyst may appear more than once), in one statement for a whole batch of
   * writes; all or none of an analyst's entries are allowed. Answers the analysts refused.
   */
  takeEach: (userIds: string[]) => Promise<Map<string, AppError>>;
  /** Returns one token per entry, for writes that took one and then turned out not to write. */
  giveBack: (userIds: string[]) => Promise<void>;
};

/** For tools that write as an operator (imports, user creation): no rate applies. */
export const NO_WRITE_LIMIT: WriteLimiter = {
  take: async () => {},
  takeEach: async () => new Map(),
  giveBack: async () => {},
};

export function createWriteLimiter(options: { db: Database; ratePerSec: number; burst: number }): WriteLimiter {
  if (options.ratePerSec <= 0) return NO_WRITE_LIMIT;
  const rule = { ratePerSec: options.ratePerSec, burst: options.burst };
  const takeEach = async (userIds: string[]) => {
    const waits = await takeTokens(options.db, countKeys(userIds), rule);
    return new Map(
      [...waits].map(([key, waitMs]) => [
        key.slice("write:".length),
        new AppError("RATE_LIMITED", "Too many changes too quickly; wait a moment", undefined, {
          retryAfterMs: waitMs,
        }),
      ]),
    );
  };
  return {
    takeEach,
    giveBack: (userIds) => returnTokens(options.db, countKeys(userIds), rule),
    take: async (userId) => {
      const refused = (await takeEach([userId])).get(userId);
      if (refused) throw refused;
    },
  };
}
