// Teaches Socket.IO's packet encoder to write a SerializedJson's text as it is. A SerializedJson may be a
// property of an event's or an ack's argument (one level down, where board:join's snapshot is), not deeper:
// the encoder then never walks nor stringifies what it holds, and the bytes on the wire are what the stock
// encoder would have written for the parsed value, so clients need no change.
import { randomBytes } from "node:crypto";
import type { Packet } from "socket.io-parser";
import { SerializedJson } from "./serialized-json";

type PacketEncoder = { encode(packet: Packet): unknown[] };

/** A string no client can make: it marks where a text goes in the encoded packet. */
const MARK = `serialized-json-${randomBytes(12).toString("hex")}-`;

export function passSerializedJson(encoder: PacketEncoder): void {
  const encode = encoder.encode.bind(encoder);
  encoder.encode = (packet) => {
    const texts: string[] = [];
    const data = Array.isArray(packet.data) ? packet.data.map((argument) => marked(argument, texts)) : packet.data;
    if (texts.length === 0) return encode(packet);
    const [head, ...attachments] = encode({ ...packet, data });
    if (typeof head !== "string") throw new Error("Socket.IO's encoder wrote no text head");
    return [spliced(head, texts), ...attachments];
  };
}

/** The argument with each SerializedJson property replaced by a mark, its text kept in `texts`. */
function marked(argument: unknown, texts: string[]): unknown {
  if (typeof argument !== "object" || argument === null || Array.isArray(argument)) return argument;
  const entries = Object.entries(argument);
  if (!entries.some(([, value]) => value instanceof SerializedJson)) return argument;
  return Object.fromEntries(
    entries.map(([key, value]) => {
      if (!(value instanceof SerializedJson)) return [key, value];
      texts.push(value.text);
      return [key, `${MARK}${texts.length - 1}`];
    }),
  );
}

/**
 * The head with each mark replaced by its text. Marks stand in the head in the order their texts were
 * collected, so each is looked for after the previous one in the head as encoded: 30 MB of spliced
 * text is never searched.
 */
function spliced(head: string, texts: string[]): string {
  const parts: string[] = [];
  let from = 0;
  texts.forEach((text, index) => {
    const mark = `"${MARK}${index}"`;
    const at = head.indexOf(mark, from);
    if (at < 0) throw new Error("A serialized JSON mark went missing while encoding");
    parts.push(head.slice(from, at), text);
    from = at + mark.length;
  });
  parts.push(head.slice(from));
  return parts.join("");
}
