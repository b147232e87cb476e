// Wraps a socket request handler: takes the payload and the ack whatever the client sent, refuses
// oversized or deeply nested payloads, runs the service, and always answers with a result union.
// Nothing a client sends can throw out of here.
import type { Result } from "@/lib/errors";
import { LIMITS } from "@/lib/schemas/common";
import { AppError, toWireError } from "../errors";
import type { Logger } from "../logger";
import { checkPayloadShape } from "./payload-shape";
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
      const shape = checkPayloadShape(payload, { maxBytes: LIMITS.socketMessageBytes, maxDepth: LIMITS.payloadDepth });
      if (shape === "too-large")
        throw new AppError("PAYLOAD_TOO_LARGE", `Messages are limited to ${LIMITS.socketMessageBytes} bytes`);
      if (shape === "too-deep")
        throw new AppError("VALIDATION", "The message is nested too deeply", [{ path: [], message: "too deep" }]);
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
