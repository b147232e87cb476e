// /api/health's answer from its probes: the database decides 503, other probes only degrade the node.
import { describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import {
  checkHealth,
  databaseProbe,
  HEALTH_HTTP_STATUS,
  type HealthProbe,
  PROBE_TIMEOUT_MS,
} from "@/server/http/health";

const database = (ok: boolean): HealthProbe => ({
  name: "database",
  critical: true,
  check: () => (ok ? { ok } : { ok, reason: "the database is unreachable" }),
});
const redis = (ok: boolean): HealthProbe => ({
  name: "redis",
  check: async () => (ok ? { ok } : { ok, reason: "Redis is down; serving this node's clients only" }),
});

describe("the health report", () => {
  it("is ok, 200, with every check listed, when all probes pass", async () => {
    const report = await checkHealth([database(true), redis(true)]);
    expect(report).toEqual({ status: "ok", checks: { database: { ok: true }, redis: { ok: true } } });
    expect(HEALTH_HTTP_STATUS[report.status]).toBe(200);
  });

  it("is unavailable, 503, with the reason, when the database cannot be reached", async () => {
    const report = await checkHealth([database(false), redis(true)]);
    expect(report.status).toBe("unavailable");
    expect(report.checks.database).toEqual({ ok: false, reason: "the database is unreachable" });
    expect(HEALTH_HTTP_STATUS[report.status]).toBe(503);
  });

  it("is degraded but still 200 when only a non-critical probe fails", async () => {
    const report = await checkHealth([database(true), redis(false)]);
    expect(report.status).toBe("degraded");
    expect(report.checks.redis?.ok).toBe(false);
    expect(HEALTH_HTTP_STATUS[report.status]).toBe(200);
  });

  it("counts a probe that throws or never answers as failed", async () => {
    const throwing: HealthProbe = {
      name: "thrower",
      check: () => {
        throw new Error("probe broke");
      },
    };
    const silent: HealthProbe = { name: "silent", critical: true, check: () => new Promise(() => {}) };
    const report = await checkHealth([throwing, silent]);
    expect(report).toEqual({
      status: "unavailable",
      checks: {
        thrower: { ok: false, reason: "probe broke" },
        silent: { ok: false, reason: `no answer within ${PROBE_TIMEOUT_MS} ms` },
      },
    });
  });

  it("lets checks that arrive while the database hangs share one query, not take a connection each", async () => {
    let queries = 0;
    const hanging = { $queryRaw: () => ++queries && new Promise(() => {}) } as unknown as Database;
    const probe = databaseProbe(hanging);
    const reports = await Promise.all([checkHealth([probe]), checkHealth([probe]), checkHealth([probe])]);
    expect(reports.map((report) => report.status)).toEqual(["unavailable", "unavailable", "unavailable"]);
    expect(queries).toBe(1);
  });
});
