// Token buckets kept in PostgreSQL, so every node draws from the same ones. One statement refills each
// bucket by the time elapsed and takes what is asked of it only if that many whole tokens are there;
// a bucket that cannot pay returns no row. Many buckets (a batch of writes) are served by one statement.
import type { Database } from "../db/client";
import { Prisma } from "../db/generated/client";

export type BucketRule = { ratePerSec: number; burst: number };

/** Takes a token; answers how long to wait when there is none (0 means the token was taken). */
export async function takeToken(db: Database, key: string, rule: BucketRule): Promise<{ waitMs: number }> {
  const waits = await takeTokens(db, new Map([[key, 1]]), rule);
  return { waitMs: waits.get(key) ?? 0 };
}

/**
 * Takes `count` tokens from each bucket, all or none per bucket; answers the buckets that could not
 * pay, with how long each would have to wait. An empty answer means every bucket paid.
 */
export async function takeTokens(
  db: Database,
  counts: ReadonlyMap<string, number>,
  rule: BucketRule,
): Promise<Map<string, number>> {
  const keys = [...counts.keys()];
  if (!keys.length) return new Map();
  // EXCLUDED.tokens is what a new bucket would start with, burst - count: it carries the count.
  const paid = await db.$queryRaw<{ key: string }[]>`
    INSERT INTO "RateBucket" ("key", "tokens", "updatedAt")
    SELECT wanted.key, ${rule.burst}::float8 - wanted.count, clock_timestamp()
    FROM unnest(${keys}::text[], ${keys.map((key) => counts.get(key) ?? 1)}::float8[]) AS wanted(key, count)
    WHERE wanted.count <= ${rule.burst}::float8
    ON CONFLICT ("key") DO UPDATE SET
      "tokens" = ${refilled(rule)} - (${rule.burst}::float8 - EXCLUDED."tokens"),
      "updatedAt" = clock_timestamp()
    WHERE ${refilled(rule)} >= ${rule.burst}::float8 - EXCLUDED."tokens"
    RETURNING "key"`;
  const paidKeys = new Set(paid.map((row) => row.key));
  const unpaid = keys.filter((key) => !paidKeys.has(key));
  if (!unpaid.length) return new Map();
  const buckets = await db.$queryRaw<{ key: string; tokens: number }[]>`
    SELECT "key", ${refilled(rule)} AS "tokens" FROM "RateBucket" WHERE "key" = ANY(${unpaid}::text[])`;
  const tokensOf = new Map(buckets.map((bucket) => [bucket.key, Number(bucket.tokens)]));
  return new Map(
    unpaid.map((key) => {
      const missing = (counts.get(key) ?? 1) - (tokensOf.get(key) ?? 0);
      return [key, Math.max(1, Math.ceil((missing / rule.ratePerSec) * 1000))];
    }),
  );
}

/** Puts tokens back (taken for work that then did not happen), never above the burst. */
export async function returnTokens(db: Database, counts: ReadonlyMap<string, number>, rule: BucketRule): Promise<void> {
  const keys = [...counts.keys()];
  if (!keys.length) return;
  await db.$executeRaw`
    UPDATE "RateBucket" SET "tokens" = LEAST(${rule.burst}::float8, "RateBucket"."tokens" + returned.count)
    FROM unnest(${keys}::text[], ${keys.map((key) => counts.get(key) ?? 1)}::float8[]) AS returned(key, count)
    WHERE "RateBucket"."key" = returned.key`;
}

/** The bucket's tokens after refilling for the time since its last take, capped at the burst. */
function refilled(rule: BucketRule) {
  return Prisma.sql`LEAST(${rule.burst}::float8, "RateBucket"."tokens" + EXTRACT(EPOCH FROM clock_timestamp() - "RateBucket"."updatedAt") * ${rule.ratePerSec}::float8)`;
}
