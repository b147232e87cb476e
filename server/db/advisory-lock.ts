// Runs work while holding a PostgreSQL advisory lock, so that of several nodes starting together only
// one does a one-time job (seeding the demo board) at a time.
import pg from "pg";

export async function withAdvisoryLock<T>(databaseUrl: string, key: number, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [key]);
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [key]);
    }
  } finally {
    await client.end();
  }
}

/** The lock taken around demo seeding (any number; distinct from Prisma Migrate's 72707369). */
export const DEMO_SEED_LOCK = 73_626_901;
