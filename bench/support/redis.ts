// Redis for the two-node scenario: whether it answers at all, the redis-server process to watch when it
// runs on this machine, and the Redis adapter for the bare baseline (the same package Watchfloor uses).
import { readFileSync } from "node:fs";
import { createAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";
import type { Server } from "socket.io";

const PROBE_TIMEOUT_MS = 2_000;

/** Why Redis cannot be used right now, or null when it answers PING. */
export async function redisProblem(url: string): Promise<string | null> {
  // No reconnecting: an unreachable server must fail the probe, not retry behind it.
  const client = createClient({ url, socket: { connectTimeout: PROBE_TIMEOUT_MS, reconnectStrategy: false } });
  client.on("error", () => undefined);
  try {
    await client.connect();
    const answer = await client.ping();
    return answer === "PONG" ? null : `Redis at ${url} answered PING with ${answer}`;
  } catch (error) {
    return `Redis at ${url} is not reachable: ${String(error)}`;
  } finally {
    if (client.isOpen) await client.quit().catch(() => undefined);
  }
}

/**
 * The pid of the redis-server behind `url` when /proc shows it on this machine (a Redis in a container
 * or on another host reports a pid that is not ours to read), else null.
 */
export async function localRedisPid(url: string): Promise<number | null> {
  const client = createClient({ url, socket: { connectTimeout: PROBE_TIMEOUT_MS, reconnectStrategy: false } });
  client.on("error", () => undefined);
  try {
    await client.connect();
    const info = await client.info("server");
    const pid = Number(/process_id:(\d+)/.exec(info)?.[1]);
    if (!pid) return null;
    return readFileSync(`/proc/${pid}/comm`, "utf8").includes("redis") ? pid : null;
  } catch {
    return null;
  } finally {
    if (client.isOpen) await client.quit().catch(() => undefined);
  }
}

/** Makes `io` one server with every other process attached to the same Redis under the same key. */
export async function attachRedisAdapter(io: Server, url: string, key: string): Promise<void> {
  const publisher = createClient({ url });
  const subscriber = publisher.duplicate();
  for (const client of [publisher, subscriber])
    client.on("error", (error) => console.error(`[baseline] redis: ${String(error)}`));
  await Promise.all([publisher.connect(), subscriber.connect()]);
  io.adapter(createAdapter(publisher, subscriber, { key }));
}
