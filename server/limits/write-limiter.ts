// Per-analyst write rate (WRITE_RATE_PER_SEC with a WRITE_BURST), shared across nodes through Postgres.
import type { Database } from "../db/client";
import { AppError } from "../errors";
import { takeToken } from "./token-bucket";

export type WriteLimiter = { take: (userId: string) => Promise<void> };

export function createWriteLimiter(options: { db: Database; ratePerSec: number; burst: number }): WriteLimiter {
  if (options.ratePerSec <= 0) return { take: async () => {} };
  const rule = { ratePerSec: options.ratePerSec, burst: options.burst };
  return {
    take: async (userId) => {
      const { waitMs } = await takeToken(options.db, `write:${userId}`, rule);
      if (waitMs > 0) {
        throw new AppError("RATE_LIMITED", "Too many changes too quickly; wait a moment", undefined, {
          retryAfterMs: waitMs,
        });
      }
    },
  };
}
