// GET /api/health: what a load balancer and an operator ask of a node. The database is the one check
// a node cannot serve without (503, taken out of rotation); other parts (Redis, ...) add probes that
// report "degraded" and keep the answer 200, because such a node still serves its own clients.
// The contract is in docs/http-api.md.
import type { Database } from "../db/client";
import { databaseTrouble } from "../db/database-unavailable";

export type HealthCheck = { ok: boolean; reason?: string };

export type HealthProbe = {
  /** The key under `checks` in the answer: "redis". */
  name: string;
  /** Failing it makes the node unavailable (503) rather than degraded (200). Default: false. */
  critical?: boolean;
  check: () => HealthCheck | Promise<HealthCheck>;
};

export type HealthStatus = "ok" | "degraded" | "unavailable";

export type HealthReport = { status: HealthStatus; checks: Record<string, HealthCheck> };

/** A probe that has not answered in this long counts as failed. */
export const PROBE_TIMEOUT_MS = 1_000;

const DATABASE_REASON = {
  unreachable: "is unreachable",
  "not answering": "is not answering in time",
  error: "answered with an error",
} as const;

/** The database probe every node has: a `SELECT 1` within PROBE_TIMEOUT_MS. */
export function databaseProbe(db: Database): HealthProbe {
  // While a database hangs, a probe's query outlives its answer (until the query timeout): checks that
  // arrive meanwhile share it instead of taking one more pool connection each.
  let inFlight: Promise<HealthCheck> | undefined;
  const probe = () =>
    db.$queryRaw`SELECT 1`.then(
      (): HealthCheck => ({ ok: true }),
      (error: unknown): HealthCheck => ({
        ok: false,
        // Health is public: a reason in words, never the host, port or SQL.
        reason: `the database ${DATABASE_REASON[databaseTrouble(error) ?? "error"]}`,
      }),
    );
  return {
    name: "database",
    critical: true,
    check: () => {
      inFlight ??= probe().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
  };
}

export async function checkHealth(probes: readonly HealthProbe[]): Promise<HealthReport> {
  const results = await Promise.all(probes.map((probe) => runProbe(probe)));
  const checks = Object.fromEntries(probes.map((probe, index) => [probe.name, results[index] as HealthCheck]));
  const failed = probes.filter((_, index) => !results[index]?.ok);
  const status: HealthStatus = failed.some((probe) => probe.critical)
    ? "unavailable"
    : failed.length
      ? "degraded"
      : "ok";
  return { status, checks };
}

export const HEALTH_HTTP_STATUS: Record<HealthStatus, number> = { ok: 200, degraded: 200, unavailable: 503 };

async function runProbe(probe: HealthProbe): Promise<HealthCheck> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<HealthCheck>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, reason: `no answer within ${PROBE_TIMEOUT_MS} ms` }),
      PROBE_TIMEOUT_MS,
    );
  });
  try {
    const answer = Promise.resolve()
      .then(() => probe.check())
      .catch(
        (error: unknown): HealthCheck => ({
          ok: false,
          reason: error instanceof Error ? error.message : String(error),
        }),
      );
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
