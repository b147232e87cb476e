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

  it("names every bad variable", () => {
    expect(() => parseConfig({ PORT: "eighty", DATABASE_URL: "not a url" })).toThrow(
      /PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/,
    );
  });

  it("refuses a short AUTH_SECRET", () => {
    expect(() => parseConfig({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET/);
  });
});
