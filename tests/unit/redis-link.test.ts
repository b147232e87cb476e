// The Redis link's bookkeeping without a Redis: two stand-in clients that are ready or not and emit what
// node-redis emits. The real thing (a redis-server killed under running nodes) is
// tests/integration/redis-outage.test.ts.
import { EventEmitter } from "node:events";
import type { RedisClientType } from "redis";
import { describe, expect, it, vi } from "vitest";
import { createLogger } from "@/server/logger";
import { watchRedisLink } from "@/server/realtime/redis-link";

class FakeClient extends EventEmitter {
  isReady = true;
  readonly published: string[] = [];
  publish = vi.fn(async (channel: string) => {
    if (!this.isReady) throw new Error("The client is offline");
    this.published.push(channel);
    return 1;
  });
  sendCommand = vi.fn(async (args: string[]) => [args[2], 3]);
  subscribe = vi.fn(async (..._args: unknown[]) => {});
  pSubscribe = vi.fn(async (..._args: unknown[]) => {});
  unsubscribe = vi.fn(async (..._args: unknown[]) => {});
  pUnsubscribe = vi.fn(async (..._args: unknown[]) => {});

  drop(): void {
    this.isReady = false;
    this.emit("error", new Error("Socket closed unexpectedly"));
  }

  reconnect(): void {
    this.isReady = true;
    this.emit("ready");
  }
}

function setUp() {
  const publisher = new FakeClient();
  const subscriber = new FakeClient();
  const logger = createLogger("silent");
  const warn = vi.spyOn(logger, "warn");
  const info = vi.spyOn(logger, "info");
  const onRestored = vi.fn();
  const link = watchRedisLink({
    publisher: publisher as unknown as RedisClientType,
    subscriber: subscriber as unknown as RedisClientType,
    logger,
    onRestored,
  });
  link.endStart();
  const adapterPublisher = link.adapterPublisher as unknown as FakeClient;
  const adapterSubscriber = link.adapterSubscriber as unknown as FakeClient;
  return { publisher, subscriber, link, warn, info, onRestored, adapterPublisher, adapterSubscriber };
}

/** A link whose clients have not connected yet, as at a start with REDIS_URL unusable. */
function setUpUnconnected() {
  const publisher = new FakeClient();
  const subscriber = new FakeClient();
  publisher.isReady = false;
  subscriber.isReady = false;
  const logger = createLogger("silent");
  const error = vi.spyOn(logger, "error");
  const link = watchRedisLink({
    publisher: publisher as unknown as RedisClientType,
    subscriber: subscriber as unknown as RedisClientType,
    logger,
    onRestored: vi.fn(),
  });
  /** node-redis reports each failed attempt on each connection; a start sees several before it ends. */
  const failEveryAttempt = (makeError: () => Error, attempts = 5) => {
    for (let attempt = 0; attempt < attempts; attempt++) {
      publisher.emit("error", makeError());
      subscriber.emit("error", makeError());
    }
  };
  return { publisher, subscriber, link, error, failEveryAttempt };
}

/** The error node-redis reports for a reply such as WRONGPASS (its SimpleError). */
const replyError = (message: string) => Object.assign(new Error(message), { name: "SimpleError" });
/** The error net reports when a connection attempt fails. */
const socketError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe("the Redis link", () => {
  it("logs one warning for an outage however many reconnections fail, and one info when it is back", async () => {
    const { publisher, subscriber, link, warn, info, onRestored } = setUp();
    expect(onRestored).not.toHaveBeenCalled();
    subscriber.drop();
    publisher.drop();
    for (let attempt = 0; attempt < 10; attempt++) publisher.emit("error", new Error("connect ECONNREFUSED"));
    expect(link.isUp()).toBe(false);
    expect(await link.healthProbe.check()).toMatchObject({ ok: false, reason: expect.stringMatching(/unreachable/) });

    publisher.reconnect();
    // Half a link is no link: answers from other nodes come in on the subscriber.
    expect(link.isUp()).toBe(false);
    subscriber.reconnect();
    expect(link.isUp()).toBe(true);
    expect(await link.healthProbe.check()).toEqual({ ok: true });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(info.mock.calls.filter(([, message]) => String(message).startsWith("Redis is back"))).toHaveLength(1);
    expect(onRestored).toHaveBeenCalledTimes(1);
  });

  it("drops publishes while down instead of queueing them, and never rejects one", async () => {
    const { publisher, adapterPublisher } = setUp();
    await adapterPublisher.publish("before");
    publisher.drop();
    await expect(adapterPublisher.publish("during")).resolves.toBe(0);
    publisher.reconnect();
    await adapterPublisher.publish("after");
    expect(publisher.published).toEqual(["before", "after"]);
    // A publish that fails in flight is dropped too.
    publisher.publish.mockRejectedValueOnce(new Error("Socket closed unexpectedly"));
    await expect(adapterPublisher.publish("in flight")).resolves.toBe(0);
    // The one made while down never reached the client: nothing held it for later.
    expect(publisher.publish.mock.calls.map(([channel]) => channel)).toEqual(["before", "after", "in flight"]);
  });

  it("answers the adapter's 'how many nodes are there' with this node alone while down", async () => {
    const { publisher, adapterPublisher } = setUp();
    const numsub = ["PUBSUB", "NUMSUB", "watchfloor-request#/#"];
    await expect(adapterPublisher.sendCommand(numsub)).resolves.toEqual(["watchfloor-request#/#", 3]);
    publisher.drop();
    await expect(adapterPublisher.sendCommand(numsub)).resolves.toEqual(["watchfloor-request#/#", 1]);
    expect(publisher.sendCommand).toHaveBeenCalledTimes(1);
  });

  it("counts reaching Redis after a start without it as coming back (the node was apart from the others)", () => {
    const publisher = new FakeClient();
    const subscriber = new FakeClient();
    publisher.isReady = false;
    const onRestored = vi.fn();
    const link = watchRedisLink({
      publisher: publisher as unknown as RedisClientType,
      subscriber: subscriber as unknown as RedisClientType,
      logger: createLogger("silent"),
      onRestored,
    });
    link.endStart();
    expect(link.isUp()).toBe(false);
    publisher.reconnect();
    expect(link.isUp()).toBe(true);
    // Started apart from the others: what this node wrote meanwhile must reach their clients.
    expect(onRestored).toHaveBeenCalledTimes(1);
  });

  it("makes a subscription the connection lost before Redis confirmed it again when it is next ready", async () => {
    const { subscriber, adapterSubscriber } = setUp();
    subscriber.pSubscribe.mockRejectedValueOnce(new Error("Socket closed unexpectedly"));
    const listener = () => {};
    await expect(adapterSubscriber.pSubscribe("watchfloor#/#*", listener, true)).resolves.toBeUndefined();
    await vi.waitFor(() => expect(subscriber.listenerCount("ready")).toBe(2));
    subscriber.reconnect();
    expect(subscriber.pSubscribe).toHaveBeenCalledTimes(2);
    expect(subscriber.pSubscribe).toHaveBeenLastCalledWith("watchfloor#/#*", listener, true);
    subscriber.reconnect();
    expect(subscriber.pSubscribe).toHaveBeenCalledTimes(2);
  });

  it("says once, as an error with its kind, that Redis refused the credentials, and health says so", async () => {
    const { link, error, failEveryAttempt } = setUpUnconnected();
    failEveryAttempt(() => replyError("WRONGPASS invalid username-password pair or user is disabled."));
    link.endStart();
    failEveryAttempt(() => replyError("WRONGPASS invalid username-password pair or user is disabled."));
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]?.[0]).toMatchObject({ kind: "credentials" });
    expect(String(error.mock.calls[0]?.[1])).toMatch(/Redis refused the credentials in REDIS_URL/);
    expect(await link.healthProbe.check()).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^Redis refused the credentials/),
    });
  });

  it("treats a Redis that wants a password REDIS_URL does not give as refused credentials", () => {
    const { error, failEveryAttempt } = setUpUnconnected();
    failEveryAttempt(() => replyError("NOAUTH HELLO must be called with the client already authenticated"));
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]?.[0]).toMatchObject({ kind: "credentials" });
  });

  it("says once, as an error, that REDIS_URL's host name is not found, and health says so", async () => {
    const { link, error, failEveryAttempt } = setUpUnconnected();
    failEveryAttempt(() => socketError("ENOTFOUND", "getaddrinfo ENOTFOUND redis.internal"));
    link.endStart();
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]?.[0]).toMatchObject({ kind: "host-not-found" });
    expect(await link.healthProbe.check()).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^REDIS_URL's host name is not found/),
    });
  });

  it("logs no error for a Redis that is merely down: it is an outage, which heals", async () => {
    const { link, error, failEveryAttempt } = setUpUnconnected();
    failEveryAttempt(() => socketError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:6379"));
    failEveryAttempt(() => socketError("EAI_AGAIN", "getaddrinfo EAI_AGAIN redis.internal"));
    link.endStart();
    expect(error).not.toHaveBeenCalled();
    expect(await link.healthProbe.check()).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^Redis is unreachable/),
    });
  });

  it("says it again in a later outage, and health forgets it once Redis is reached", async () => {
    const { publisher, subscriber, link, error, failEveryAttempt } = setUpUnconnected();
    const wrongPassword = () => replyError("WRONGPASS invalid username-password pair or user is disabled.");
    failEveryAttempt(wrongPassword);
    link.endStart();
    publisher.reconnect();
    subscriber.reconnect();
    expect(await link.healthProbe.check()).toEqual({ ok: true });
    publisher.drop();
    failEveryAttempt(() => socketError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:6379"));
    expect(await link.healthProbe.check()).toMatchObject({ reason: expect.stringMatching(/^Redis is unreachable/) });
    failEveryAttempt(wrongPassword);
    expect(error).toHaveBeenCalledTimes(2);
  });

  it("never rejects the adapter's unsubscribes at shutdown, which the dropped connection fails while Redis is away", async () => {
    const { subscriber, adapterSubscriber } = setUp();
    subscriber.drop();
    const disconnected = Object.assign(new Error("Disconnects client"), { name: "DisconnectsClientError" });
    subscriber.unsubscribe.mockRejectedValueOnce(disconnected);
    subscriber.pUnsubscribe.mockRejectedValueOnce(disconnected);
    const listener = () => {};
    await expect(adapterSubscriber.pUnsubscribe("watchfloor#/#*", listener, true)).resolves.toBeUndefined();
    await expect(adapterSubscriber.unsubscribe("watchfloor-request#/#", listener, true)).resolves.toBeUndefined();
    expect(subscriber.pUnsubscribe).toHaveBeenCalledWith("watchfloor#/#*", listener, true);
    expect(subscriber.unsubscribe).toHaveBeenCalledWith("watchfloor-request#/#", listener, true);
  });
});
