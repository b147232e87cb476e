// The one place that reads process.env: parsed once with zod into a typed Config.
import path from "node:path";
import { z } from "zod";

const ZBoolFlag = z
  .enum(["0", "1", "true", "false"])
  .optional()
  .transform((value) => (value === undefined ? undefined : value === "1" || value === "true"));

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.url().optional(),
  DATA_DIR: z.string().default(".data"),
  PUBLIC_URL: z.url().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  SEED_DEMO: ZBoolFlag,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  CATCH_UP_MAX_OPS: z.coerce.number().int().positive().default(2000),
  SIGN_IN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(0).default(10),
  WRITE_RATE_PER_SEC: z.coerce.number().min(0).default(5),
  WRITE_BURST: z.coerce.number().int().min(1).default(30),
  REDIS_URL: z.url().optional(),
  SOCKET_ADAPTER: z.enum(["memory", "redis", "postgres"]).optional(),
});

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  /** A real PostgreSQL to use; when absent the server starts an embedded one under dataDir. */
  databaseUrl: string | undefined;
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
  /** Writes per analyst per second, refilled continuously; 0 turns the limit off (benchmarks). */
  writeRatePerSec: number;
  /** Writes an analyst may make at once before the rate applies. */
  writeBurst: number;
  /** How nodes share Socket.IO rooms: Redis when REDIS_URL is set, else in-process unless SOCKET_ADAPTER says postgres. */
  socketAdapter: "memory" | "redis" | "postgres";
  redisUrl: string | undefined;
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
    dataDir: path.resolve(e.DATA_DIR),
    publicUrl: e.PUBLIC_URL,
    authSecret: e.AUTH_SECRET,
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    catchUpMaxOps: e.CATCH_UP_MAX_OPS,
    signInAttemptsPerMinute: e.SIGN_IN_ATTEMPTS_PER_MINUTE,
    writeRatePerSec: e.WRITE_RATE_PER_SEC,
    writeBurst: e.WRITE_BURST,
    socketAdapter: e.SOCKET_ADAPTER ?? (e.REDIS_URL ? "redis" : "memory"),
    redisUrl: e.REDIS_URL,
  };
}
