// Which errors mean "the database cannot serve this now" — unreachable, or not answering in time —
// (answered UNAVAILABLE, retry) and which are bugs (INTERNAL). Prisma's and pg's errors are real ones, from a port nothing listens on; the shapes of a
// shutdown mid-query are those observed against a cluster stopped under a running query.

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/server/config";
import { createDatabase, type Database } from "@/server/db/client";
import { databaseTrouble, isDatabaseUnavailable } from "@/server/db/database-unavailable";
import { AppError, toWireError } from "@/server/errors";
import { freePort } from "../support/free-port";

let closedUrl: string;
let db: Database;

beforeAll(async () => {
  closedUrl = `postgresql://nobody:secret@127.0.0.1:${await freePort()}/watchfloor`;
  db = createDatabase(closedUrl, parseConfig({}).databaseTimeouts);
});
afterAll(() => db.$disconnect());

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable("it answered"),
    (error: unknown) => error,
  );

describe("an unreachable database", () => {
  it("is recognised in Prisma's model, raw and transaction errors", async () => {
    const errors = [
      await caught(db.user.findFirst()),
      await caught(db.$queryRaw`SELECT 1`),
      await caught(db.$transaction(async (tx) => tx.$queryRaw`SELECT 1`)),
      await caught(db.$transaction([db.$queryRaw`SELECT 1`])),
    ];
    for (const error of errors) expect(isDatabaseUnavailable(error), String(error)).toBe(true);
  });

  it("is recognised in pg's own connection error", async () => {
    const client = new pg.Client({ connectionString: closedUrl });
    const error = await caught(client.connect());
    expect((error as { code?: string }).code).toBe("ECONNREFUSED");
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("is recognised when a shutdown ends a running query, and in the pool's and client's bare errors", () => {
    const shutdown = Object.assign(new Error("Raw query failed. Code: `57P01`."), {
      code: "P2010",
      meta: {
        driverAdapterError: {
          name: "DriverAdapterError",
          cause: { originalCode: "57P01", kind: "postgres", code: "57P01", severity: "FATAL" },
        },
      },
    });
    expect(isDatabaseUnavailable(shutdown)).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(
      true,
    );
    expect(databaseTrouble(new Error("wrapped", { cause: { code: "08006" } }))).toBe("unreachable");
  });

  it("tells a database that does not answer in time (hung, or too busy to lend a connection) from one that is down", async () => {
    // pg-pool says the same for a slow new connection and for a full pool; Prisma's P2024/P2028 likewise.
    const slow = [
      new Error("timeout exceeded when trying to connect"),
      new Error("Query read timeout"),
      Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), {
        code: "P2028",
      }),
      Object.assign(
        new Error(
          "Transaction API error: Transaction already closed: A query cannot be executed on an expired transaction. The timeout for this transaction was 5000 ms, however 5012 ms passed since the start of the transaction.",
        ),
        { code: "P2028" },
      ),
      Object.assign(new Error("Timed out fetching a new connection from the connection pool."), { code: "P2024" }),
    ];
    for (const error of slow) expect(databaseTrouble(error), error.message).toBe("not answering");
    expect(toWireError(slow[0])).toEqual({
      code: "UNAVAILABLE",
      message: "The database is not answering in time; retry in a moment",
      retryAfterMs: expect.any(Number),
    });
    expect(databaseTrouble(await caught(db.user.findFirst()))).toBe("unreachable");
  });

  it("goes to the client as UNAVAILABLE with a retry hint, never INTERNAL", async () => {
    const wire = toWireError(await caught(db.user.findFirst()));
    expect(wire).toEqual({
      code: "UNAVAILABLE",
      message: "The database is unreachable; retry in a moment",
      retryAfterMs: expect.any(Number),
    });
    expect(JSON.stringify(wire)).not.toContain("127.0.0.1");
  });
});

describe("an error that is not about reaching the database", () => {
  it("stays INTERNAL (a constraint, a syntax error, a plain bug), and AppErrors keep their code", () => {
    const unique = Object.assign(new Error("Unique constraint failed"), {
      code: "P2002",
      meta: { driverAdapterError: { cause: { kind: "UniqueConstraintViolation", originalCode: "23505" } } },
    });
    const syntax = Object.assign(new Error("syntax error"), { code: "42601", severity: "ERROR" });
    for (const error of [unique, syntax, new TypeError("x is undefined"), "a string", null]) {
      expect(isDatabaseUnavailable(error)).toBe(false);
      expect(toWireError(error).code).toBe("INTERNAL");
    }
    expect(toWireError(new AppError("CONFLICT", "edited meanwhile")).code).toBe("CONFLICT");
  });

  it("does not loop on an error that is its own cause", () => {
    const looped: Error & { cause?: unknown } = new Error("loop");
    looped.cause = looped;
    expect(isDatabaseUnavailable(looped)).toBe(false);
  });
});
