// The demo board a fresh install shows, and who gets demo accounts (never a configured database).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemoBoard } from "@/server/seed/seed-demo-board";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { connectSocket, signIn, waitForConnect } from "../support/factories";
import { openTestApp, type TestApp } from "../support/open-test-app";
import { startTestApp } from "../support/test-app";

const DEMO_SLUG = "russia-ukraine-2022-01";
const databases: TestDatabase[] = [];
let app: TestApp;

beforeAll(async () => {
  app = await openTestApp({ seedDemo: true });
});

afterAll(async () => {
  await app?.stop();
  for (const database of databases) await database.drop();
});

describe("the demo board", () => {
  it("holds the crisis week: events, indicators with observations, annotations, three analysts", async () => {
    const board = await app.db.board.findUniqueOrThrow({
      where: { slug: DEMO_SLUG },
      include: {
        events: true,
        indicators: { include: { observations: true } },
        annotations: true,
        memberships: { include: { user: true } },
      },
    });
    expect(board.title).toBe("Russia–Ukraine crisis, January 2022");
    expect(board.events.length).toBeGreaterThanOrEqual(8);
    const eventDays = board.events.map((event) => event.occurredAt.toISOString().slice(0, 10));
    expect(eventDays).toEqual(expect.arrayContaining(["2022-01-10", "2022-01-12", "2022-01-13"]));
    expect(board.indicators.length).toBeGreaterThanOrEqual(4);
    for (const indicator of board.indicators) {
      const times = indicator.observations.map((observation) => observation.observedAt.getTime());
      expect(times.length, indicator.name).toBeGreaterThan(3);
      expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse("2021-11-01T00:00:00Z"));
      expect(Math.max(...times)).toBeLessThanOrEqual(Date.parse("2022-01-31T00:00:00Z"));
    }
    expect(board.annotations.length).toBeGreaterThanOrEqual(3);
    const roles = Object.fromEntries(board.memberships.map((membership) => [membership.user.email, membership.role]));
    expect(roles).toEqual({
      "alice@watchfloor.test": "owner",
      "bob@watchfloor.test": "editor",
      "carol@watchfloor.test": "viewer",
    });
    expect(board.lastSeq).toBe(board.annotations.length);
  });

  it("lets each demo analyst sign in with the published password and open the board", async () => {
    for (const email of ["alice@watchfloor.test", "bob@watchfloor.test", "carol@watchfloor.test"]) {
      const socket = connectSocket(app, await signIn(app, { email, password: DEMO_PASSWORD }));
      await waitForConnect(socket);
      const board = await app.db.board.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
      const joined = await socket.emitWithAck("board:join", { boardId: board.id });
      socket.disconnect();
      expect(joined.ok, email).toBe(true);
    }
  });

  it("is written once: seeding again changes nothing", async () => {
    const before = await app.db.annotation.count();
    expect(await seedDemoBoard({ db: app.db, auth: app.auth })).toEqual({ seeded: false, boardSlug: DEMO_SLUG });
    expect(await app.db.annotation.count()).toBe(before);
    expect(await app.db.board.count({ where: { slug: DEMO_SLUG } })).toBe(1);
  });

  it("is not created on a configured DATABASE_URL unless asked for", async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const plain = await startTestApp({ databaseUrl: database.url });
    try {
      expect(await plain.db.user.count()).toBe(0);
      expect(await plain.db.board.count()).toBe(0);
    } finally {
      await plain.stop();
    }
  });
});
