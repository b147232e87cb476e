// The PostgreSQL ceiling for scenario 2: the rows one annotation:create commits — the board's seq bump,
// an annotation row, its first revision and an op row, in one transaction per write — inserted by a bare `pg` loop at the same
// concurrency, on the same server with the same durability (its default synchronous_commit).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { BARE_ANNOTATION_FIELDS } from "../support/bare-annotation";

/** Commits per second over `durationMs` with `concurrency` connections, on a board of its own. */
export async function measurePgCeiling(options: {
  databaseUrl: string;
  authorId: string;
  concurrency: number;
  durationMs: number;
}) {
  const boardId = randomUUID();
  const setup = new pg.Client({ connectionString: options.databaseUrl });
  await setup.connect();
  await setup.query(`INSERT INTO "Board" (id, slug, title, "updatedAt") VALUES ($1, $2, 'pg ceiling', now())`, [
    boardId,
    `ceiling-${boardId}`,
  ]);
  await setup.end();
  const clients = await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      const client = new pg.Client({ connectionString: options.databaseUrl });
      await client.connect();
      return client;
    }),
  );
  let committed = 0;
  const deadline = Date.now() + options.durationMs;
  const began = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      while (Date.now() < deadline) {
        const id = randomUUID();
        const body = `ceiling write ${committed}`;
        await client.query("BEGIN");
        const board = await client.query<{ lastSeq: number }>(
          `UPDATE "Board" SET "lastSeq" = "lastSeq" + 1 WHERE id = $1 RETURNING "lastSeq"`,
          [boardId],
        );
        await client.query(
          `INSERT INTO "Annotation" (id, "boardId", "authorId", "targetType", body, "updatedAt") VALUES ($1, $2, $3, 'board', $4, now())`,
          [id, boardId, options.authorId, body],
        );
        await client.query(
          `INSERT INTO "AnnotationRevision" ("annotationId", version, body, kind, tags, "editedById") VALUES ($1, 1, $2, 'note', '{}', $3)`,
          [id, body, options.authorId],
        );
        const now = new Date().toISOString();
        await client.query(
          `INSERT INTO "Op" ("boardId", seq, type, "entityId", payload, "actorId") VALUES ($1, $2, 'annotation.created', $3, $4, $5)`,
          [
            boardId,
            board.rows[0]?.lastSeq,
            id,
            JSON.stringify({
              ...BARE_ANNOTATION_FIELDS,
              id,
              boardId,
              target: { type: "board" },
              body,
              createdAt: now,
              updatedAt: now,
            }),
            options.authorId,
          ],
        );
        await client.query("COMMIT");
        committed++;
      }
    }),
  );
  const elapsedMs = performance.now() - began;
  await Promise.all(clients.map((client) => client.end()));
  return { committed, perSecond: committed / (elapsedMs / 1000) };
}
