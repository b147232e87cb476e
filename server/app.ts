// The composition root: builds Watchfloor from its parts (database, migrations, auth, pages, sockets)
// and returns a running app. server/index.ts calls it with the environment's config; tests call it
// with theirs on an ephemeral port.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { loadAuthSecret } from "./auth/auth-secret";
import { type Auth, createAuth } from "./auth/create-auth";
import type { Config } from "./config";
import { DEMO_SEED_LOCK, withAdvisoryLock } from "./db/advisory-lock";
import type { Database } from "./db/client";
import { type OpenDatabase, openDatabase } from "./db/open-database";
import { createDomain, type Domain } from "./domain";
import { withPeriodicCheckpoints } from "./history/periodic-checkpoints";
import { clientAddressResolver, trustedProxies } from "./http/client-address";
import { createRequestHandler } from "./http/create-request-handler";
import { sendJson } from "./http/respond";
import { createWriteLimiter } from "./limits/write-limiter";
import type { Logger } from "./logger";
import { createNextPages, type NextPages } from "./pages/create-next-pages";
import { attachAdapter, type SocketAdapterChoice } from "./realtime/attach-adapter";
import { createBoardEffects } from "./realtime/board-effects";
import { boardHeadAnnouncer } from "./realtime/board-heads";
import { createSocketServer, registerSocketHandlers } from "./realtime/create-socket-server";
import { startSessionSweep } from "./realtime/session-sweep";
import type { WatchfloorServer } from "./realtime/types";
import { seedDemoBoard } from "./seed/seed-demo-board";
import { createWorkerPool, type WorkerPool } from "./workers/create-worker-pool";

export type App = {
  url: string;
  port: number;
  databaseUrl: string;
  db: Database;
  domain: Domain;
  auth: Auth;
  io: WatchfloorServer;
  workers: WorkerPool;
  stop: () => Promise<void>;
};

export type AppOptions = {
  config: Config;
  logger: Logger;
  /** Serve the Next.js pages. Off in API/socket tests, which need no build. */
  pages: "production" | "development" | "none";
  /** The worker threads' module; tests hand one whose task table adds tasks that hold, crash or hang. */
  workerEntry?: URL;
};

export async function createApp(options: AppOptions): Promise<App> {
  const database = await openDatabase({ config: options.config, logger: options.logger });
  try {
    return await assemble(options, database);
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function assemble({ config, logger, pages, workerEntry }: AppOptions, database: OpenDatabase): Promise<App> {
  const { db, url: databaseUrl } = database;

  // Requests that arrive while the app is still starting get a 503 rather than hanging.
  let handleRequest = (_req: IncomingMessage, res: ServerResponse) =>
    sendJson(res, 503, { error: { code: "UNAVAILABLE", message: "Starting" } });
  const httpServer = createServer((req, res) => void handleRequest(req, res));
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;

  const secret = await loadAuthSecret({ configured: config.authSecret, dataDir: config.dataDir });
  const publicUrl = config.publicUrl ?? `http://localhost:${port}`;
  const auth = createAuth({
    db,
    secret,
    baseURL: publicUrl,
    secureCookies: publicUrl.startsWith("https:"),
    signInAttemptsPerMinute: config.signInAttemptsPerMinute,
    logger,
  });

  if (config.seedDemo ?? database.embedded) {
    const seed = await withAdvisoryLock(databaseUrl, DEMO_SEED_LOCK, () => seedDemoBoard({ db, auth }));
    if (seed.seeded) logger.info({ board: seed.boardSlug }, "demo board seeded");
  }

  let nextPages: NextPages | undefined;
  if (pages !== "none") nextPages = await createNextPages({ dev: pages === "development", httpServer, port });
  const io = createSocketServer({ httpServer, logger, publicUrl });
  const adapter = await attachAdapter(io, adapterChoice(config, databaseUrl), {
    logger,
    onRejoined: boardHeadAnnouncer({ io, db, logger }),
  });
  const workers = createWorkerPool({ ...config.workers, logger, entry: workerEntry });
  // Boards are checkpointed every so many ops after the commit, in the pool (docs/history.md).
  const checkpoints = withPeriodicCheckpoints(createBoardEffects(io), { db, workers, logger });
  const domain = createDomain({
    db,
    effects: checkpoints.effects,
    limiter: createWriteLimiter({ db, ratePerSec: config.writeRatePerSec, burst: config.writeBurst }),
    workers,
  });
  registerSocketHandlers({ io, domain, auth, logger, catchUpMaxOps: config.catchUpMaxOps });
  const stopSessionSweep = startSessionSweep({ io, db, logger });
  handleRequest = createRequestHandler({
    domain,
    auth,
    logger,
    publicUrl,
    dev: pages === "development",
    pages: nextPages?.handle,
    healthProbes: adapter.healthProbes,
    clientAddress: clientAddressResolver(trustedProxies(config.trustedProxies)),
  });
  logger.info({ url: publicUrl, embeddedDatabase: database.embedded }, "Watchfloor is listening");

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      // Stop accepting, disconnect sockets, then release the database and the embedded cluster.
      httpServer.close();
      stopSessionSweep();
      await io.close();
      // Writes already handed to a commit finish (and are durable) before the database goes away.
      await domain.annotationCreates.drain();
      await checkpoints.drain();
      // Exports and imports in hand finish (piscina's close waits for them), then the threads stop.
      await workers.close().catch((error: unknown) => logger.warn({ err: error }, "closing the worker pool failed"));
      await adapter.release();
      httpServer.closeAllConnections();
      await nextPages?.close().catch((error: unknown) => logger.warn({ err: error }, "closing Next failed"));
      await database.close();
      logger.info("Watchfloor stopped");
    })();
    return stopping;
  };

  return { url: `http://localhost:${port}`, port, databaseUrl, db, domain, auth, io, workers, stop };
}

function adapterChoice(config: Config, databaseUrl: string): SocketAdapterChoice {
  if (config.socketAdapter === "redis" && config.redisUrl) {
    const database = new URL(databaseUrl);
    const key = `watchfloor:${createHash("sha256").update(`${database.host}${database.pathname}`).digest("hex").slice(0, 16)}`;
    return { kind: "redis", url: config.redisUrl, key };
  }
  if (config.socketAdapter === "postgres") return { kind: "postgres", databaseUrl };
  return { kind: "memory" };
}
