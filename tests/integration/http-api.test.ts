// The JSON API and the page gate against a real server: health, boards, annotations, sessions.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/database";
import {
  annotationInput,
  connectSocket,
  makeAnalyst,
  makeBoard,
  signIn,
  type TestAnalyst,
  type TestBoard,
  waitForConnect,
} from "../support/factories";
import { openTestApp, type TestApp } from "../support/open-test-app";
import { startTestApp } from "../support/test-app";

let app: TestApp;
let alice: TestAnalyst;
let outsider: TestAnalyst;
let board: TestBoard;
let aliceCookie: string;

beforeAll(async () => {
  app = await openTestApp();
  [alice, outsider] = await Promise.all([makeAnalyst(app, { name: "Alice Mercer" }), makeAnalyst(app)]);
  board = await makeBoard(app, [[alice, "owner"]]);
  aliceCookie = await signIn(app, alice);
});

afterAll(() => app?.stop());

const get = (path: string, cookie?: string) =>
  fetch(`${app.url}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });

describe("GET /api/health", () => {
  it("answers 200 ok while the database answers", async () => {
    const response = await get("/api/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", checks: { database: { ok: true } } });
  });
});

describe("GET /api/boards", () => {
  it("needs a session", async () => {
    const response = await get("/api/boards");
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("UNAUTHENTICATED");
  });

  it("lists the caller's boards with the caller's role", async () => {
    const response = await get("/api/boards", aliceCookie);
    expect(response.status).toBe(200);
    expect((await response.json()).boards).toEqual([
      {
        id: board.id,
        slug: board.slug,
        title: board.title,
        description: "",
        handling: "",
        archived: false,
        role: "owner",
      },
    ]);
  });

  it("lists nothing of boards the caller is not on", async () => {
    const response = await get("/api/boards", await signIn(app, outsider));
    expect((await response.json()).boards).toEqual([]);
  });
});

describe("GET /api/boards/:slug/annotations", () => {
  it("returns the board's annotations to a member, including ones made over the socket", async () => {
    const socket = connectSocket(app, aliceCookie);
    await waitForConnect(socket);
    const input = annotationInput(board, { body: "Geneva opens on Monday." });
    await socket.emitWithAck("annotation:create", input);
    socket.disconnect();

    const response = await get(`/api/boards/${board.slug}/annotations`, aliceCookie);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.boardId).toBe(board.id);
    expect(body.annotations.map((annotation: { id: string }) => annotation.id)).toContain(input.id);
  });

  it("answers NOT_FOUND to a non-member, exactly as for a board that does not exist", async () => {
    const cookie = await signIn(app, outsider);
    const hidden = await get(`/api/boards/${board.slug}/annotations`, cookie);
    const missing = await get("/api/boards/no-such-board/annotations", cookie);
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toEqual(await missing.json());
  });

  it("needs a session", async () => {
    expect((await get(`/api/boards/${board.slug}/annotations`)).status).toBe(401);
  });
});

describe("sessions", () => {
  it("refuses a wrong password", async () => {
    await expect(signIn(app, { email: alice.email, password: "not-the-password" })).rejects.toThrow(/401/);
  });

  it("sends a visitor without a session from a page to sign-in, keeping where they were going", async () => {
    const response = await get(`/boards/${board.slug}`);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/sign-in?next=${encodeURIComponent(`/boards/${board.slug}`)}`);
  });

  it("has no public sign-up", async () => {
    const response = await fetch(`${app.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.url },
      body: JSON.stringify({ email: "mallory@example.test", password: "a-long-password", name: "Mallory" }),
    });
    expect(response.ok).toBe(false);
    expect(await app.db.user.count({ where: { email: "mallory@example.test" } })).toBe(0);
  });

  it("ends the session on sign-out, for the API and the socket", async () => {
    const cookie = await signIn(app, alice);
    const out = await fetch(`${app.url}/api/auth/sign-out`, {
      method: "POST",
      headers: { cookie, origin: app.url, "content-type": "application/json" },
      body: "{}",
    });
    expect(out.ok).toBe(true);
    expect((await get("/api/boards", cookie)).status).toBe(401);
    await expect(waitForConnect(connectSocket(app, cookie))).rejects.toThrow("UNAUTHENTICATED");
  });
});

describe("sign-in throttling", () => {
  // The counters live in Postgres, shared by every app on this database: start each test from zero.
  beforeEach(async () => {
    await app.db.rateLimit.deleteMany();
    await app.db.rateBucket.deleteMany();
  });

  it("refuses further attempts from an address after the limit, even with the right password", async () => {
    const throttled = await startTestApp({ databaseUrl: app.databaseUrl, env: { SIGN_IN_ATTEMPTS_PER_MINUTE: "3" } });
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        await expect(signIn(throttled, { email: alice.email, password: `guess-number-${attempt}` })).rejects.toThrow(
          /401/,
        );
      }
      await expect(signIn(throttled, alice)).rejects.toThrow(/429/);
    } finally {
      await throttled.stop();
    }
  });

  it("does not let a client pick the address it is counted under", async () => {
    const throttled = await startTestApp({ databaseUrl: app.databaseUrl, env: { SIGN_IN_ATTEMPTS_PER_MINUTE: "2" } });
    try {
      // A different account each time, so only the per-address limit can refuse.
      const attempt = (address: string, index: number) =>
        fetch(`${throttled.url}/api/auth/sign-in/email`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: throttled.url,
            "x-watchfloor-client-address": address,
            "x-forwarded-for": address,
          },
          body: JSON.stringify({ email: `nobody-${index}@watchfloor.test`, password: "wrong-password-x" }),
        });
      const statuses = [];
      for (const [index, address] of ["10.0.0.1", "10.0.0.2", "10.0.0.3"].entries()) {
        statuses.push((await attempt(address, index)).status);
      }
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await throttled.stop();
    }
  });
});

describe("sign-in throttling behind a load balancer", () => {
  // The test client is the balancer (127.0.0.1, trusted) appending each analyst's address, as HAProxy's
  // `option forwardfor` does; a different account each time, so only the per-address limit can refuse.
  const attemptVia = (server: { url: string }, forwardedFor: string, index: number) =>
    fetch(`${server.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url, "x-forwarded-for": forwardedFor },
      body: JSON.stringify({ email: `shift-${index}@watchfloor.test`, password: "wrong-password-x" }),
    }).then((response) => response.status);

  it("counts each analyst's address, not the balancer's, when the balancer is trusted", async () => {
    await app.db.rateLimit.deleteMany();
    const throttled = await startTestApp({
      databaseUrl: app.databaseUrl,
      env: { SIGN_IN_ATTEMPTS_PER_MINUTE: "2", TRUSTED_PROXIES: "127.0.0.1,::1" },
    });
    try {
      const statuses = [];
      for (const [index, address] of ["198.51.100.1", "198.51.100.2", "198.51.100.3"].entries())
        statuses.push(await attemptVia(throttled, address, index));
      expect(statuses).toEqual([401, 401, 401]);
      // One analyst's third attempt is refused; what a client wrote before the balancer's entry is ignored.
      statuses.length = 0;
      for (const index of [3, 4, 5]) statuses.push(await attemptVia(throttled, `6.6.6.${index}, 198.51.100.9`, index));
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await throttled.stop();
    }
  });
});

describe("sign-in throttling per account", () => {
  it("refuses further attempts on one account even when they come from different addresses", async () => {
    await app.db.rateLimit.deleteMany();
    await app.db.rateBucket.deleteMany();
    const throttled = await startTestApp({ databaseUrl: app.databaseUrl, env: { SIGN_IN_ATTEMPTS_PER_MINUTE: "3" } });
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        // Forget the per-address counter each time, as if every attempt came from a new address.
        await app.db.rateLimit.deleteMany();
        await expect(signIn(throttled, { email: alice.email, password: `guess-${attempt}-xxxx` })).rejects.toThrow(
          /401/,
        );
      }
      await app.db.rateLimit.deleteMany();
      await expect(signIn(throttled, alice)).rejects.toThrow(/429/);
    } finally {
      await throttled.stop();
    }
  });
});

describe("GET /api/health without a database", () => {
  it("answers 503 when the database is gone", async () => {
    const doomed = await createTestDatabase();
    const doomedApp = await startTestApp({ databaseUrl: doomed.url });
    try {
      await doomed.drop();
      const response = await fetch(`${doomedApp.url}/api/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: "unavailable",
        checks: { database: { ok: false, reason: "the database answered with an error" } },
      });
    } finally {
      await doomedApp.stop();
    }
  });
});
