// The kill test, small enough for every `npm test`: the server process is SIGKILLed three times in the
// middle of a write storm and restarted on the same database. The larger run is bench/kill-test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { runKillTest } from "../support/kill-harness";
import { killLeftoverChildren } from "../support/test-child";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  killLeftoverChildren();
  await database?.drop();
});

describe("a server killed in the middle of a write storm", () => {
  it("loses no acknowledged write, writes nothing twice, and every watcher ends equal to the database", async () => {
    const result = await runKillTest({
      databaseUrl: database.url,
      writers: 3,
      watchers: 2,
      kills: 3,
      stormMsPerRound: 1_500,
    });

    expect(result.problems).toEqual([]);
    expect(result.kills).toBe(3);
    // The kills must land mid-storm, with writes unacknowledged, or the test proves nothing.
    expect(result.inDoubtAtKills).toBeGreaterThan(0);
    expect(result.resends).toBeGreaterThan(0);
    expect(result.acked).toBe(result.sent);
    expect(result.lost).toBe(0);
    expect(result.duplicates).toBe(0);
    expect(result.lastSeq).toBe(result.sent);
    expect(result.watchersEqual).toBe(2);
  }, 90_000);
});
