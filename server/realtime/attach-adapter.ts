// Makes several server processes one Socket.IO server: with Redis (REDIS_URL) or PostgreSQL's
// LISTEN/NOTIFY (SOCKET_ADAPTER=postgres), an op emitted to a board's room on one node reaches the
// sockets of that room on every node, and fetchSockets (presence, eviction) sees them all.
import { createAdapter as createPostgresAdapter } from "@socket.io/postgres-adapter";
import { createAdapter as createRedisAdapter } from "@socket.io/redis-adapter";
import pg from "pg";
import { createClient } from "redis";
import type { Logger } from "../logger";
import type { WatchfloorServer } from "./types";

export type SocketAdapterChoice =
  | { kind: "memory" }
  /** `key` separates deployments sharing one Redis: nodes of one database share rooms, no one else. */
  | { kind: "redis"; url: string; key: string }
  | { kind: "postgres"; databaseUrl: string };

/** Attaches the adapter; the returned function releases its connections (after io.close()). */
export async function attachAdapter(
  io: WatchfloorServer,
  choice: SocketAdapterChoice,
  logger: Logger,
): Promise<() => Promise<void>> {
  if (choice.kind === "redis") {
    const publisher = createClient({ url: choice.url });
    const subscriber = publisher.duplicate();
    for (const client of [publisher, subscriber])
      client.on("error", (error) => logger.warn({ err: error }, "redis adapter connection"));
    await Promise.all([publisher.connect(), subscriber.connect()]);
    io.adapter(createRedisAdapter(publisher, subscriber, { key: choice.key }));
    logger.info("Socket.IO uses the Redis adapter");
    return async () => {
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    };
  }
  if (choice.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: choice.databaseUrl, max: 4 });
    pool.on("error", (error) => logger.warn({ err: error }, "postgres adapter connection"));
    io.adapter(createPostgresAdapter(pool));
    logger.info("Socket.IO uses the PostgreSQL adapter");
    return () => pool.end();
  }
  return async () => {};
}
