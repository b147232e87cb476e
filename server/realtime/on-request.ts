// Wraps a socket request handler: takes the payload and the ack whatever the client sent, refuses
// oversized or deeply nested payloads, runs the service, and always answers with a result union.
// Nothing a client sends can throw out of here.
import type { Result } from "@/lib/errors";
import type { AckValue, ClientToServerEvents } from "@/lib/events";
import { LIMITS } from "@/lib/schemas/common";
import { AppError, logRequestFailure, toWireError } from "../errors";
import type { Logger } from "../logger";
import { checkPayloadShape } from "./payload-shape";
import type { SerializedJson } from "./serialized-json";
import type { WatchfloorSocket } from "./types";

export type RequestHandler = (socket: WatchfloorSocket, payload: unknown) => Promise<object>;

/**
 * A handler for one event: it answers what that event's ack promises on success (lib/events.ts). A
 * property may instead be its JSON text already, which the encoder writes as it is (serialized-json.ts).
 */
export type RequestHandlerOf<E extends keyof ClientToServerEvents> = (
  socket: WatchfloorSocket,
  payload: unknown,
) => Promise<PropertiesMaySerialize<AckValue<E>>>;

/** Member by member of a union, so each shape keeps its own properties. */
type PropertiesMaySerialize<T> = T extends unknown ? { [K in keyof T]: T[K] | SerializedJson<T[K]> } : never;

/**
 * One handler per client event, each checked against its own ack. A group of them (the content kinds'
 * handlers) is typed `Pick<RequestHandlers, ...>` and spread in.
 */
export type RequestHandlers = { [E in keyof ClientToServerEvents]: RequestHandlerOf<E> };

type SocketListener = (this: WatchfloorSocket, ...args: unknown[]) => Promise<void>;

/**
 * One listener per event for the whole server, registered on every socket: EventEmitter calls a
 * listener with its socket as `this`. Closures made per socket and event (with a child logger) held
 * about 10 KiB of heap per idle connection (docs/BENCHMARKS.md, scenario 4).
 */
export function requestListener(
  event: string,
  logger: Logger,
  handle: RequestHandler,
  maxBytes: number = LIMITS.socketMessageBytes,
): SocketListener {
  return async function listener(this: WatchfloorSocket, ...args: unknown[]) {
    const last = args.at(-1);
    const ack = typeof last === "function" ? (last as (result: Result<object>) => void) : undefined;
    const payload = ack ? args.slice(0, -1)[0] : args[0];
    let result: Result<object>;
    try {
      const shape = checkPayloadShape(payload, { maxBytes, maxDepth: LIMITS.payloadDepth });
      if (shape === "too-large") throw new AppError("PAYLOAD_TOO_LARGE", `Messages are limited to ${maxBytes} bytes`);
      if (shape === "too-deep")
        throw new AppError("VALIDATION", "The message is nested too deeply", [{ path: [], message: "too deep" }]);
      result = { ok: true, ...(await handle(this, payload)) };
    } catch (error) {
      const wire = toWireError(error);
      logRequestFailure(logger, error, wire, {
        request: "socket request",
        event,
        socketId: this.id,
        userId: this.data.actor.id,
      });
      result = { ok: false, error: wire };
    }
    ack?.(result);
  };
}

/** Registers the shared listeners on a new socket. */
export function listen(socket: WatchfloorSocket, listeners: ReadonlyMap<string, SocketListener>): void {
  // The event map types each event's arguments; these listeners deliberately take them as unknown.
  const on = socket.on as (event: string, listener: SocketListener) => WatchfloorSocket;
  for (const [event, listener] of listeners) on.call(socket, event, listener);
}
