// The one place that reads process.env: parsed once with zod into a typed Config.
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { trustedProxies } from "./http/client-address";

const ZBoolFlag = z
  .enum(["0", "1", "true", "false"])
  .optional()
  .transform((value) => (value === undefined ? undefined : value === "1" || value === "true"));

/** The one parser of TRUSTED_PROXIES (server/http/client-address.ts), run here so a bad value stops the start. */
function parsesAsProxies(entries: string[]): boolean {
  try {
    trustedProxies(entries);
    return true;
  } catch {
    return false;
  }
}

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.url().optional(),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  DATA_DIR: z.string().default(".data"),
  PUBLIC_URL: z.url().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  SEED_DEMO: ZBoolFlag,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  CATCH_UP_MAX_OPS: z.coerce.number().int().positive().default(2000),
  SIGN_IN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(0).default(10),
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine(parsesAsProxies, "addresses or CIDR ranges, separated by commas"),
  WRITE_RATE_PER_SEC: z.coerce.number().min(0).default(5),
  WRITE_BURST: z.coerce.number().int().min(1).default(30),
  REDIS_URL: z.url().optional(),
  SOCKET_ADAPTER: z.enum(["memory", "redis", "postgres"]).optional(),
  WORKER_THREADS: z.coerce.number().int().min(1).max(256).optional(),
  WORKER_MAX_QUEUE: z.coerce.number().int().min(0).optional(),
  WORKER_TASK_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  WORKER_NICE: z.coerce.number().int().min(0).max(19).default(10),
});

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  /** A real PostgreSQL to use; when absent the server starts an embedded one under dataDir. */
  databaseUrl: string | undefined;
  /**
   * How long a connection or a query may take before the request is answered UNAVAILABLE (retry):
   * bounds the wait on a database that hangs instead of refusing (server/db/client.ts).
   */
  databaseTimeouts: { connectMs: number; queryMs: number };
  dataDir: string;
  /** Public origin of the app, used for auth callbacks and the socket origin check. */
  publicUrl: string | undefined;
  /** better-auth signing secret; when absent, one is generated and kept under dataDir. */
  authSecret: string | undefined;
  /** Seed the demo board on an empty database. Defaults to on only for the embedded database. */
  seedDemo: boolean | undefined;
  logLevel: z.infer<typeof ZEnv>["LOG_LEVEL"];
  /** A client further behind than this many ops gets a fresh snapshot instead of the op list. */
  catchUpMaxOps: number;
  /** Sign-in attempts allowed per client address per minute; 0 turns the throttle off (load tests). */
  signInAttemptsPerMinute: number;
  /**
   * Load balancers whose X-Forwarded-For is believed (addresses or CIDR ranges), so that the sign-in
   * throttle counts analysts, not the balancer (server/http/client-address.ts). Empty: the TCP peer.
   */
  trustedProxies: string[];
  /** Writes per analyst per second, refilled continuously; 0 turns the limit off (benchmarks). */
  writeRatePerSec: number;
  /** Writes an analyst may make at once before the rate applies. */
  writeBurst: number;
  /** How nodes share Socket.IO rooms: Redis when REDIS_URL is set, else in-process unless SOCKET_ADAPTER says postgres. */
  socketAdapter: "memory" | "redis" | "postgres";
  redisUrl: string | undefined;
  /** The worker pool for exports and imports (server/workers/). */
  workers: {
    /** Threads; by default one per core but one, which is left to the event loop (at least one). */
    threads: number;
    /** Tasks that may wait for a thread before the next is refused with 503; by default 4 per thread, at least 8. */
    maxQueue: number;
    /** A task queued or running longer than this fails (503) and its worker is replaced. */
    taskTimeoutMs: number;
    /**
     * How much lower than the event loop the worker threads run (Linux nice, per thread): on a machine
     * with few cores a render must take the time live traffic leaves, not the other way round.
     */
    niceIncrement: number;
  };
};

export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const e = parsed.data;
  if (e.SOCKET_ADAPTER === "redis" && !e.REDIS_URL)
    throw new Error("Invalid configuration:\n  SOCKET_ADAPTER=redis needs REDIS_URL");
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseTimeouts: { connectMs: e.DATABASE_CONNECT_TIMEOUT_MS, queryMs: e.DATABASE_QUERY_TIMEOUT_MS },
    dataDir: path.resolve(e.DATA_DIR),
    publicUrl: e.PUBLIC_URL,
    authSecret: e.AUTH_SECRET,
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    catchUpMaxOps: e.CATCH_UP_MAX_OPS,
    signInAttemptsPerMinute: e.SIGN_IN_ATTEMPTS_PER_MINUTE,
    trustedProxies: e.TRUSTED_PROXIES,
    writeRatePerSec: e.WRITE_RATE_PER_SEC,
    writeBurst: e.WRITE_BURST,
    socketAdapter: e.SOCKET_ADAPTER ?? (e.REDIS_URL ? "redis" : "memory"),
    redisUrl: e.REDIS_URL,
    workers: workerPoolConfig(e),
  };
}

function workerPoolConfig(e: z.infer<typeof ZEnv>): Config["workers"] {
  const threads = e.WORKER_THREADS ?? Math.max(1, os.availableParallelism() - 1);
  return {
    threads,
    maxQueue: e.WORKER_MAX_QUEUE ?? Math.max(8, 4 * threads),
    taskTimeoutMs: e.WORKER_TASK_TIMEOUT_MS,
    niceIncrement: e.WORKER_NICE,
  };
}
