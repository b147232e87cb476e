// place:search over the real socket (issue 16): any signed-in analyst, on a board or not, gets gazetteer
// suggestions; the first search builds the index in the worker pool while the event loop keeps serving;
// malformed requests are refused with the field named; a socket without a session never gets to ask.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLACE_LIMITS, type PlaceSearchAnswer } from "@/lib/schemas/place";
import { connectSocket, makeAnalyst, type TestSocket, waitForConnect } from "../support/factories";
import { connectedSocket, openTestApp, type TestApp } from "../support/open-test-app";

let app: TestApp;
let socket: TestSocket;

beforeAll(async () => {
  app = await openTestApp();
  // A member of no board: searching places needs none.
  socket = await connectedSocket(app, await makeAnalyst(app));
});

afterAll(() => app?.stop());

/** The longest time this thread (the server's too) went without running a 10 ms timer, until stop(). */
function watchEventLoop(): { stop: () => number } {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(longest, performance.now() - last);
    },
  };
}

async function search(payload: unknown): Promise<PlaceSearchAnswer> {
  const ack = await socket.timeout(60_000).emitWithAck("place:search", payload as { query: string });
  if (!ack.ok) throw new Error(`place:search failed: ${ack.error.code} ${ack.error.message}`);
  return ack;
}

describe("searching places", () => {
  it("answers the first searches once the worker has built the index, the event loop free meanwhile", async () => {
    const stalls = watchEventLoop();
    // Sent together, before any index exists: all wait for the one build.
    const [kyiv, kiev, almaty] = await Promise.all([
      search({ query: "Київ" }),
      search({ query: "Kiev" }),
      search({ query: "Алматы" }),
    ]);
    const longestStallMs = stalls.stop();
    expect(kyiv.suggestions[0]).toMatchObject({
      name: "Kyiv",
      matched: "Київ",
      countryName: "Ukraine",
      place: { label: "Kyiv", gazetteerId: "geonames:703448", longitude: 30.5238, latitude: 50.45466 },
    });
    expect(kiev.suggestions[0]?.place.gazetteerId).toBe("geonames:703448");
    expect(almaty.suggestions[0]).toMatchObject({ name: "Almaty", countryCode: "KZ" });
    // Parsing 23 MB and sorting 400,000 names on this thread would have stalled it for seconds.
    expect(longestStallMs, "longest event-loop stall (ms) while the index was built").toBeLessThan(1_000);
  }, 120_000);

  it("answers as many suggestions as asked, at most the default without a limit", async () => {
    expect((await search({ query: "Paris", limit: 3 })).suggestions).toHaveLength(3);
    expect((await search({ query: "a" })).suggestions).toHaveLength(PLACE_LIMITS.defaultSuggestions);
    expect((await search({ query: "Qqqxxzz" })).suggestions).toEqual([]);
  });

  it("tells namesakes apart by their countries", async () => {
    const odessas = (await search({ query: "Odessa", limit: 4 })).suggestions;
    expect(odessas.map((odessa) => odessa.countryName).slice(0, 2)).toEqual(["Ukraine", "United States"]);
  });

  it.each([
    ["an empty query", { query: "   " }, ["query"]],
    ["a query too long", { query: "x".repeat(PLACE_LIMITS.query + 1) }, ["query"]],
    ["a limit of 0", { query: "Kyiv", limit: 0 }, ["limit"]],
    ["a limit past the most", { query: "Kyiv", limit: PLACE_LIMITS.suggestions + 1 }, ["limit"]],
    ["a limit that is not a whole number", { query: "Kyiv", limit: 2.5 }, ["limit"]],
    ["a number for a query", { query: 42 }, ["query"]],
    ["a field it does not take", { query: "Kyiv", boardId: "00000000-0000-4000-8000-000000000000" }, []],
  ])("refuses %s, naming the field", async (_name, payload, path) => {
    const ack = await socket.emitWithAck("place:search", payload as { query: string });
    expect(ack.ok).toBe(false);
    if (ack.ok) return;
    expect(ack.error.code).toBe("VALIDATION");
    expect(ack.error.issues?.[0]?.path).toEqual(path);
  });

  it("refuses a payload that is not an object", async () => {
    const ack = await socket.emitWithAck("place:search", "Kyiv" as unknown as { query: string });
    expect(ack).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });
});

describe("who may search", () => {
  it("a socket without a session is refused before it can ask", async () => {
    const anonymous = connectSocket(app, undefined);
    app.sockets.push(anonymous);
    await expect(waitForConnect(anonymous)).rejects.toThrow("UNAUTHENTICATED");
    expect(anonymous.connected).toBe(false);
  });
});
