// A token bucket kept in PostgreSQL, so every node draws from the same one. One statement refills by
// the time elapsed and takes a token only if a whole one is there; no row comes back when it is not.
import type { Database } from "../db/client";

export type BucketRule = { ratePerSec: number; burst: number };

/** Takes a token; answers how long to wait when there is none (0 means the token was taken). */
export async function takeToken(db: Database, key: string, rule: BucketRule): Promise<{ waitMs: number }> {
  const taken = await db.$queryRaw<{ tokens: number }[]>`
    INSERT INTO "RateBucket" ("key", "tokens", "updatedAt")
    VALUES (${key}, ${rule.burst - 1}, clock_timestamp())
    ON CONFLICT ("key") DO UPDATE SET
      "tokens" = LEAST(${rule.burst}::float8, "RateBucket"."tokens" + EXTRACT(EPOCH FROM clock_timestamp() - "RateBucket"."updatedAt") * ${rule.ratePerSec}::float8) - 1,
      "updatedAt" = clock_timestamp()
    WHERE LEAST(${rule.burst}::float8, "RateBucket"."tokens" + EXTRACT(EPOCH FROM clock_timestamp() - "RateBucket"."updatedAt") * ${rule.ratePerSec}::float8) >= 1
    RETURNING "tokens"`;
  if (taken.length) return { waitMs: 0 };
  const [bucket] = await db.$queryRaw<{ tokens: number }[]>`
    SELECT LEAST(${rule.burst}::float8, "tokens" + EXTRACT(EPOCH FROM clock_timestamp() - "updatedAt") * ${rule.ratePerSec}::float8) AS "tokens"
    FROM "RateBucket" WHERE "key" = ${key}`;
  const missing = 1 - (bucket?.tokens ?? 0);
  return { waitMs: Math.max(1, Math.ceil((missing / rule.ratePerSec) * 1000)) };
}
