// Reads request bodies with a size cap: too large is PAYLOAD_TOO_LARGE, JSON that is not JSON is VALIDATION.
import type { IncomingMessage } from "node:http";
import { AppError } from "../errors";

export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = req.headers["content-type"] ?? "";
  const text = await readTextBody(req, maxBytes);
  if (text.length === 0) return {};
  // JSON-LD is JSON too (W3C annotation imports).
  if (!/^application\/(ld\+)?json/.test(type)) throw new AppError("VALIDATION", "Send the body as application/json");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION", "The body is not valid JSON");
  }
}

/** The body as UTF-8 text (CSV imports), refused once it grows past maxBytes. */
export async function readTextBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return Buffer.from(await readBytesBody(req, maxBytes)).toString("utf8");
}

/** The body as it came (an uploaded document), refused once it grows past maxBytes. */
export async function readBytesBody(req: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  const bytes = Buffer.concat(chunks);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
