// An upload read within a size limit, refused with PAYLOAD_TOO_LARGE past it: as chunks while they come
// (the parser's input), or whole (the bytes an import hands its worker). A stream it is handed is never
// destroyed: an HTTP request body must stay open for the answer to be sent (Node discards the rest itself).
import type { Readable } from "node:stream";
import { AppError } from "../errors";

export async function* chunksWithin(input: string | Readable, limit: number): AsyncGenerator<string | Buffer> {
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${limit / 1024 / 1024} MiB`);
  if (typeof input === "string") {
    if (Buffer.byteLength(input) > limit) throw tooLarge();
    yield input;
    return;
  }
  let bytes = 0;
  for await (const chunk of input.iterator({ destroyOnReturn: false }) as AsyncIterable<string | Buffer>) {
    bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
    if (bytes > limit) throw tooLarge();
    yield chunk;
  }
}

export async function readWithin(input: string | Readable, limit: number): Promise<string | Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of chunksWithin(input, limit)) {
    if (typeof input === "string") return input;
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  }
  if (typeof input === "string") return input;
  // One allocation of its own (never a slice of Node's shared pool), so it can move to the worker.
  const whole = Buffer.alloc(chunks.reduce((bytes, chunk) => bytes + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) offset += chunk.copy(whole, offset);
  return whole;
}
