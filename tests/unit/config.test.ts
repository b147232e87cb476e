// Configuration is parsed once, with clear errors for bad values.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "@/server/config";

describe("parseConfig", () => {
  it("defaults to port 3000, the embedded database under .data, demo seeding decided by the database", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      dataDir: path.resolve(".data"),
      seedDemo: undefined,
    });
  });

  it("reads DATABASE_URL, PORT and SEED_DEMO", () => {
    const config = parseConfig({ DATABASE_URL: "postgresql://u@db:5432/wf", PORT: "8080", SEED_DEMO: "1" });
    expect(config).toMatchObject({ databaseUrl: "postgresql://u@db:5432/wf", port: 8080, seedDemo: true });
  });

  it("bounds the waits on the database: 5 s to connect, 10 s per query, unless set", () => {
    expect(parseConfig({}).databaseTimeouts).toEqual({ connectMs: 5_000, queryMs: 10_000 });
    expect(
      parseConfig({ DATABASE_CONNECT_TIMEOUT_MS: "1500", DATABASE_QUERY_TIMEOUT_MS: "60000" }).databaseTimeouts,
    ).toEqual({ connectMs: 1_500, queryMs: 60_000 });
    expect(() => parseConfig({ DATABASE_QUERY_TIMEOUT_MS: "0" })).toThrow(/DATABASE_QUERY_TIMEOUT_MS/);
  });

  it("names every bad variable", () => {
    expect(() => parseConfig({ PORT: "eighty", DATABASE_URL: "not a url" })).toThrow(
      /PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/,
    );
  });

  it("reads the load balancers to trust as addresses and CIDR ranges, none by default", () => {
    expect(parseConfig({}).trustedProxies).toEqual([]);
    expect(parseConfig({ TRUSTED_PROXIES: " 127.0.0.1, 10.0.0.0/8 ,fd00::/8" }).trustedProxies).toEqual([
      "127.0.0.1",
      "10.0.0.0/8",
      "fd00::/8",
    ]);
    for (const bad of ["balancer.internal", "10.0.0.0/33", "10.0.0.1/8/2", "::1/129"])
      expect(() => parseConfig({ TRUSTED_PROXIES: bad })).toThrow(/TRUSTED_PROXIES/);
  });

  it("refuses a short AUTH_SECRET", () => {
    expect(() => parseConfig({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET/);
  });
});
