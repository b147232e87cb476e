// An upload as one string or one buffer of at most `limit` bytes, refused with PAYLOAD_TOO_LARGE past
// it. A stream it is handed is never destroyed: an HTTP request body must stay open for the answer to
// be sent (Node discards the rest itself).
import type { Readable } from "node:stream";
import { AppError } from "../errors";

export async function readWithin(input: string | Readable, limit: number): Promise<string | Buffer> {
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${limit / 1024 / 1024} MiB`);
  if (typeof input === "string") {
    if (Buffer.byteLength(input) > limit) throw tooLarge();
    return input;
  }
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of input.iterator({ destroyOnReturn: false }) as AsyncIterable<string | Buffer>) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    bytes += buffer.length;
    if (bytes > limit) throw tooLarge();
    chunks.push(buffer);
  }
  // One allocation of its own (never a slice of Node's shared pool), so it can move to the worker.
  const whole = Buffer.alloc(bytes);
  let offset = 0;
  for (const chunk of chunks) offset += chunk.copy(whole, offset);
  return whole;
}
