// Hostile or excessive input changes nothing: write rate limits, oversized payloads, foreign origins,
// and the headers every response carries.
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handshakeAuth } from "@/lib/protocol";
import {
  annotationInput,
  connectSocket,
  makeAnalyst,
  makeBoard,
  signIn,
  type TestAnalyst,
  type TestBoard,
  type TestSocket,
  waitForConnect,
} from "../support/factories";
import { connectedSocket, openTestApp, type TestApp } from "../support/open-test-app";
import { startTestApp } from "../support/test-app";

let app: TestApp;
let alice: TestAnalyst;
let board: TestBoard;
let cookie: string;
let socket: TestSocket;

beforeAll(async () => {
  // A small bucket: 3 writes at once, then one every 400 ms.
  app = await openTestApp({ env: { WRITE_RATE_PER_SEC: "2.5", WRITE_BURST: "3" } });
  alice = await makeAnalyst(app);
  board = await makeBoard(app, [[alice, "owner"]]);
  cookie = await signIn(app, alice);
  socket = await connectedSocket(app, cookie);
});

afterAll(() => app?.stop());

describe("the per-analyst write limit", () => {
  it("refuses a burst over the limit with RATE_LIMITED and a wait, then lets writes through again", async () => {
    await app.db.rateBucket.deleteMany();
    const acks = [];
    for (let index = 0; index < 4; index++)
      acks.push(await socket.emitWithAck("annotation:create", annotationInput(board)));
    expect(acks.slice(0, 3).every((ack) => ack.ok)).toBe(true);
    const refused = acks[3];
    expect(refused?.ok).toBe(false);
    if (!refused || refused.ok) return;
    expect(refused.error.code).toBe("RATE_LIMITED");
    expect(refused.error.retryAfterMs).toBeGreaterThan(0);
    expect(refused.error.retryAfterMs).toBeLessThanOrEqual(400);

    await new Promise((resolve) => setTimeout(resolve, refused.error.retryAfterMs ?? 400));
    expect((await socket.emitWithAck("annotation:create", annotationInput(board))).ok).toBe(true);
  });

  it("holds across server nodes: a second node on the same database draws from the same bucket", async () => {
    await app.db.rateBucket.deleteMany();
    const second = await startTestApp({
      databaseUrl: app.databaseUrl,
      env: { WRITE_RATE_PER_SEC: "0.1", WRITE_BURST: "3" },
    });
    const elsewhere = connectSocket(second, cookie);
    try {
      await waitForConnect(elsewhere);
      for (let index = 0; index < 3; index++)
        expect((await socket.emitWithAck("annotation:create", annotationInput(board))).ok).toBe(true);
      const ack = await elsewhere.emitWithAck("annotation:create", annotationInput(board));
      expect(ack.ok ? null : ack.error.code).toBe("RATE_LIMITED");
    } finally {
      elsewhere.disconnect();
      await second.stop();
    }
  });

  it("sends Retry-After on HTTP", async () => {
    // An emptied bucket, deep enough in debt that no refill during a slow request lets this one through.
    await app.db.rateBucket.deleteMany();
    await app.db.rateBucket.create({ data: { key: `write:${alice.id}`, tokens: -100, updatedAt: new Date() } });
    const refused = await fetch(`${app.url}/api/boards`, {
      method: "POST",
      headers: { cookie, origin: app.url, "content-type": "application/json" },
      body: JSON.stringify({ title: "Burst board" }),
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await refused.json()).error.code).toBe("RATE_LIMITED");
    expect(await app.db.board.count({ where: { title: "Burst board" } })).toBe(0);
    await app.db.rateBucket.deleteMany();
  });
});

describe("oversized and malformed input", () => {
  it("answers a socket message over 256 KiB with PAYLOAD_TOO_LARGE and writes nothing", async () => {
    const before = await app.db.annotation.count();
    const ack = await socket.emitWithAck("annotation:create", {
      ...annotationInput(board),
      body: "x".repeat(300 * 1024),
    });
    expect(ack.ok ? null : ack.error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await app.db.annotation.count()).toBe(before);
    expect(socket.connected).toBe(true);
  });

  it("answers an HTTP body over 256 KiB with 413", async () => {
    const response = await fetch(`${app.url}/api/boards`, {
      method: "POST",
      headers: { cookie, origin: app.url, "content-type": "application/json" },
      body: JSON.stringify({ title: "x".repeat(300 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("answers a body that is not JSON with VALIDATION", async () => {
    const response = await fetch(`${app.url}/api/boards`, {
      method: "POST",
      headers: { cookie, origin: app.url, "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("VALIDATION");
  });

  it("lists zod's issues for an invalid board", async () => {
    const response = await fetch(`${app.url}/api/boards`, {
      method: "POST",
      headers: { cookie, origin: app.url, "content-type": "application/json" },
      body: JSON.stringify({ title: "t".repeat(201), sneaky: 1 }),
    });
    const body = await response.json();
    expect(response.status).toBe(400);
    expect(body.error.issues.length).toBeGreaterThanOrEqual(2);
  });
});

describe("other origins", () => {
  it("refuses a socket opened from another site's page", async () => {
    const foreign = io(app.url, {
      transports: ["websocket"],
      extraHeaders: { cookie, origin: "https://evil.example" },
      // The current version, so only the origin is what is refused.
      auth: handshakeAuth(),
      reconnection: false,
    });
    await expect(waitForConnect(foreign as TestSocket)).rejects.toThrow();
    foreign.disconnect();
  });

  it("refuses a state-changing request from another site", async () => {
    const before = await app.db.board.count();
    const response = await fetch(`${app.url}/api/boards`, {
      method: "POST",
      headers: { cookie, origin: "https://evil.example", "content-type": "application/json" },
      body: JSON.stringify({ title: "Planted" }),
    });
    expect(response.status).toBe(403);
    expect(await app.db.board.count()).toBe(before);
  });
});

describe("response headers", () => {
  it("carry the security headers on API answers", async () => {
    const response = await fetch(`${app.url}/api/health`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });

  it("never show a stack or SQL to the client", async () => {
    const response = await fetch(`${app.url}/api/boards/${board.slug}/members/${"x".repeat(100)}`, {
      method: "PATCH",
      headers: { cookie, origin: app.url, "content-type": "application/json" },
      body: JSON.stringify({ role: "viewer" }),
    });
    const text = await response.text();
    expect(text).not.toMatch(/at .*\.ts:\d+|SELECT|prisma/i);
  });
});
