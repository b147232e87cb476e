// Makes several server processes one Socket.IO server: with Redis (REDIS_URL) or PostgreSQL's
// LISTEN/NOTIFY (SOCKET_ADAPTER=postgres), an op emitted to a board's room on one node reaches the
// sockets of that room on every node, and fetchSockets (presence, eviction) sees them all.
import { createAdapter as createPostgresAdapter } from "@socket.io/postgres-adapter";
import { createAdapter as createRedisAdapter } from "@socket.io/redis-adapter";
import pg from "pg";
import { createClient } from "redis";
import type { HealthProbe } from "../http/health";
import type { Logger } from "../logger";
import { watchRedisLink } from "./redis-link";
import type { WatchfloorServer } from "./types";

export type SocketAdapterChoice =
  | { kind: "memory" }
  /** `key` separates deployments sharing one Redis: nodes of one database share rooms, no one else. */
  | { kind: "redis"; url: string; key: string }
  | { kind: "postgres"; databaseUrl: string };

/** How long a starting node waits for Redis before it starts without it. */
const REDIS_START_WAIT_MS = 3_000;

export type AttachedAdapter = {
  /** What /api/health checks of the adapter (Redis: "degraded" while it is away). */
  healthProbes: HealthProbe[];
  /** Releases its connections (after io.close()). */
  release: () => Promise<void>;
};

export async function attachAdapter(
  io: WatchfloorServer,
  choice: SocketAdapterChoice,
  options: {
    logger: Logger;
    /**
     * Runs when this node's clients may have missed ops written on other nodes: its link to them came
     * back after Redis was away, or another node's did (it says so with "node:rejoined").
     */
    onRejoined: () => void;
  },
): Promise<AttachedAdapter> {
  const { logger } = options;
  if (choice.kind === "redis") {
    // No offline queue: what cannot be published now is dropped (redis-link.ts says why).
    const publisher = createClient({ url: choice.url, disableOfflineQueue: true });
    const subscriber = createClient({ url: choice.url });
    const link = watchRedisLink({
      publisher,
      subscriber,
      logger,
      onRestored: () => {
        options.onRejoined();
        // Ops this node wrote while apart did not reach the others: their clients must hear too.
        io.serverSideEmit("node:rejoined");
      },
    });
    // A node (re)started during an outage serves its own clients rather than refusing to start; node-redis
    // keeps trying to connect, and the adapter's subscriptions wait in the subscriber's queue till then.
    const connected = Promise.all([publisher.connect(), subscriber.connect()]).catch(() => undefined);
    let startWait: NodeJS.Timeout | undefined;
    await Promise.race([connected, new Promise((resolve) => (startWait = setTimeout(resolve, REDIS_START_WAIT_MS)))]);
    clearTimeout(startWait);
    link.endStart();
    io.on("node:rejoined", options.onRejoined);
    io.adapter(createRedisAdapter(link.adapterPublisher, link.adapterSubscriber, { key: choice.key }));
    logger.info("Socket.IO uses the Redis adapter");
    return {
      healthProbes: [link.healthProbe],
      release: link.close,
    };
  }
  if (choice.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: choice.databaseUrl, max: 4 });
    pool.on("error", (error) => logger.warn({ err: error }, "postgres adapter connection"));
    io.adapter(createPostgresAdapter(pool));
    logger.info("Socket.IO uses the PostgreSQL adapter");
    return { healthProbes: [], release: () => pool.end() };
  }
  return { healthProbes: [], release: async () => {} };
}
