// Wraps a socket request handler: takes the payload and the ack whatever the client sent, runs the
// service, and always answers with a result union. Nothing a client sends can throw out of here.
import type { Result } from "@/lib/errors";
import { toWireError } from "../errors";
import type { Logger } from "../logger";
import type { WatchfloorSocket } from "./types";

export function onRequest<T extends object>(
  socket: WatchfloorSocket,
  event: string,
  logger: Logger,
  handle: (payload: unknown) => Promise<T>,
): void {
  const listener = async (...args: unknown[]) => {
    const last = args.at(-1);
    const ack = typeof last === "function" ? (last as (result: Result<T>) => void) : undefined;
    const payload = ack ? args.slice(0, -1)[0] : args[0];
    let result: Result<T>;
    try {
      result = { ok: true, ...(await handle(payload)) };
    } catch (error) {
      const wire = toWireError(error);
      if (wire.code === "INTERNAL")
        logger.error({ err: error, event, userId: socket.data.actor.id }, "socket request failed");
      else logger.debug({ event, code: wire.code }, "socket request refused");
      result = { ok: false, error: wire };
    }
    ack?.(result);
  };
  // The event map types each event's arguments; this wrapper deliberately takes them as unknown.
  (socket.on as (event: string, listener: (...args: unknown[]) => void) => void)(event, listener);
}
