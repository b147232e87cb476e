// The Redis adapter's two connections seen as one link between this node and the others, up or down.
// While it is down the node keeps serving its own clients: the adapter's publishes are dropped and its
// questions to other nodes ("how many are you?") answer "only me", so nothing waits or piles up; the
// log says so once each way and /api/health reports "degraded". When it is back, `onRestored` runs so
// the clients can catch up from the op log (issue 12; docs/realtime.md, "When Redis is away"). A wrong
// REDIS_URL (redis-misconfigured.ts) degrades the node the same way, but is an error in the log.
import type { RedisClientType } from "redis";
import type { HealthProbe } from "../http/health";
import type { Logger } from "../logger";
import { type RedisMisconfiguration, redisMisconfigurationOf } from "./redis-misconfigured";

type RedisClient = RedisClientType;

export type RedisLink = {
  isUp: () => boolean;
  /**
   * Ends the start: from now on a link that is not up counts as down (said once in the log). Until
   * then publishes are dropped silently, which costs nothing as the node takes no requests yet.
   */
  endStart: () => void;
  /** /api/health's "redis" check: failing while the link is down (degraded, still 200). */
  healthProbe: HealthProbe;
  /** The publisher as the adapter must see it: it never queues a message and never rejects. */
  adapterPublisher: RedisClient;
  /** The subscriber as the adapter must see it: its subscriptions are made, however long it takes. */
  adapterSubscriber: RedisClient;
  /** Closes both connections (after io.close()), saying nothing of it in the log. */
  close: () => Promise<void>;
};

/** Call before connecting: node-redis's error events would otherwise throw. */
export function watchRedisLink(options: {
  publisher: RedisClient;
  subscriber: RedisClient;
  logger: Logger;
  /** Runs each time the link comes back after being down (not when it first comes up). */
  onRestored: () => void;
}): RedisLink {
  const { publisher, subscriber, logger } = options;
  // The subscriber counts too: with it down, answers from other nodes could not reach this one.
  const bothReady = () => publisher.isReady && subscriber.isReady;
  let state: "starting" | "up" | "down" | "closed" = "starting";
  let downSince: Date | undefined;
  let lastError: unknown;
  /** What the last error says is wrong with REDIS_URL; undefined when Redis may just be away. */
  let misconfigured: ReturnType<typeof redisMisconfigurationOf>;
  /** Said once per outage each, however many reconnections fail the same way. */
  const misconfigurationsLogged = new Set<RedisMisconfiguration>();

  const goDown = (message: string) => {
    state = "down";
    downSince = new Date();
    logger.warn({ err: lastError }, message);
  };
  const comeUp = () => {
    state = "up";
    misconfigured = undefined;
    misconfigurationsLogged.clear();
  };
  const update = () => {
    if (state === "starting") {
      if (bothReady()) comeUp();
    } else if (state === "up" && !bothReady()) {
      goDown(
        "Redis is unreachable: this node keeps serving its own clients; ops written on other nodes do not reach them until it is back",
      );
    } else if (state === "down" && bothReady()) {
      comeUp();
      logger.info(
        { downForMs: Date.now() - (downSince?.getTime() ?? Date.now()) },
        "Redis is back: nodes share ops again",
      );
      downSince = undefined;
      options.onRestored();
    }
  };

  for (const client of [publisher, subscriber]) {
    // node-redis reports every failed reconnection attempt as an error; the transition is logged once.
    client.on("error", (error: unknown) => {
      lastError = error;
      misconfigured = redisMisconfigurationOf(error);
      if (misconfigured && state !== "closed" && !misconfigurationsLogged.has(misconfigured.kind)) {
        misconfigurationsLogged.add(misconfigured.kind);
        logger.error(
          { err: error, kind: misconfigured.kind },
          `${misconfigured.says}: this node serves only its own clients until REDIS_URL is corrected`,
        );
      }
      if (state === "up" && client.isReady) logger.warn({ err: error }, "redis adapter connection");
      update();
    });
    client.on("ready", update);
    client.on("end", update);
  }

  const isUp = () => state === "up";
  return {
    isUp,
    endStart: () => {
      if (state === "starting" && !bothReady())
        goDown("Redis is unreachable: starting without it; this node serves its own clients until it is reachable");
      update();
    },
    healthProbe: {
      name: "redis",
      check: () =>
        isUp()
          ? { ok: true }
          : {
              ok: false,
              reason: `${misconfigured?.says ?? "Redis is unreachable"}${downSince ? ` since ${downSince.toISOString()}` : ""}: live ops reach only this node's clients`,
            },
    },
    adapterPublisher: publisherThatNeverWaits(publisher, isUp),
    adapterSubscriber: subscriberThatKeepsTrying(subscriber),
    close: async () => {
      state = "closed";
      // With Redis away, a QUIT or a close would wait for it to come back: such a connection is dropped.
      await Promise.allSettled(
        [publisher, subscriber].map((client) => (client.isReady ? client.close() : client.destroy())),
      );
    },
  };
}

/**
 * What @socket.io/redis-adapter does with its publisher: `publish` without awaiting or catching it, and
 * `PUBSUB NUMSUB` through `sendCommand` to learn how many nodes must answer a question. While Redis is
 * away node-redis would hold each publish until its command timeout (5 s) and then reject it, which
 * with nobody catching it ends the process (measured: the node died ~5 s into the outage). So:
 * - a publish while the link is down is dropped, not queued. The op log is the record; queued publishes
 *   would cost memory for the whole outage and arrive late to clients that catch up anyway when the
 *   link is back. A publish that fails in flight is dropped the same way.
 * - NUMSUB while down (or failing) answers 1 subscriber — this node alone — so fetchSockets (presence,
 *   eviction) answers at once with this node's sockets instead of waiting for nodes it cannot reach.
 */
function publisherThatNeverWaits(publisher: RedisClient, isUp: () => boolean): RedisClient {
  const publish = (channel: string, message: string | Buffer) =>
    isUp() ? publisher.publish(channel, message).catch(() => 0) : Promise.resolve(0);
  const sendCommand = (args: string[]) => {
    const [command, subcommand, channel] = args;
    if (command?.toUpperCase() !== "PUBSUB" || subcommand?.toUpperCase() !== "NUMSUB")
      return publisher.sendCommand(args);
    const alone = [channel, 1];
    return isUp() ? publisher.sendCommand(args).catch(() => alone) : Promise.resolve(alone);
  };
  return withMethods(publisher, { publish, sendCommand });
}

/**
 * The adapter subscribes once, when it is created, without awaiting or catching. A node started while
 * Redis is away queues those subscriptions; if a connection then dies after it was accepted (a proxy in
 * front of Redis, Redis still loading), node-redis rejects them — nobody caught that (the node died) and
 * node-redis forgets them, so the node would never hear the others. Each is made again when the
 * connection is next ready, until it succeeds; once made, node-redis renews it after each reconnection.
 * At shutdown (io.close()) it unsubscribes, again without awaiting or catching: with Redis away those
 * wait in the queue until `close` drops the connection, which rejects them — that ended the process in
 * the middle of its stop (exit 1, the database left open). An unsubscribe that fails is let go: the
 * connection it was for is going away, and Redis forgets a dropped connection's subscriptions.
 */
function subscriberThatKeepsTrying(subscriber: RedisClient): RedisClient {
  type PubSubCommand = (...args: unknown[]) => Promise<unknown>;
  const command = (name: "subscribe" | "pSubscribe" | "unsubscribe" | "pUnsubscribe") =>
    (subscriber[name] as PubSubCommand).bind(subscriber);
  const keepTrying =
    (subscribe: PubSubCommand) =>
    (...args: unknown[]) => {
      const attempt = () => {
        subscribe(...args).catch(() => subscriber.once("ready", attempt));
      };
      attempt();
      return Promise.resolve();
    };
  const neverRejecting =
    (unsubscribe: PubSubCommand) =>
    (...args: unknown[]) =>
      unsubscribe(...args).then(
        () => undefined,
        () => undefined,
      );
  return withMethods(subscriber, {
    subscribe: keepTrying(command("subscribe")),
    pSubscribe: keepTrying(command("pSubscribe")),
    unsubscribe: neverRejecting(command("unsubscribe")),
    pUnsubscribe: neverRejecting(command("pUnsubscribe")),
  });
}

/** The client with some methods replaced, as the adapter sees it. */
function withMethods(client: RedisClient, methods: Record<string, unknown>): RedisClient {
  return new Proxy(client, {
    get: (target, property) => {
      if (typeof property === "string" && Object.hasOwn(methods, property)) return methods[property];
      // node-redis keeps its state in private fields, which only the client itself may touch.
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
