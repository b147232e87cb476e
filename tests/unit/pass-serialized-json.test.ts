// Socket.IO's encoder, taught to pass SerializedJson through, writes the bytes the stock encoder writes
// for the parsed value: clients cannot tell a snapshot built as JSON by PostgreSQL from one built as objects.
import { Server } from "socket.io";
import { describe, expect, it } from "vitest";
import { passSerializedJson } from "@/server/realtime/pass-serialized-json";
import { SerializedJson } from "@/server/realtime/serialized-json";

// Not attached to an HTTP server: nothing to close.
const stock = new Server();
const taught = new Server();
passSerializedJson(taught.encoder);

const ACK = 3;
const snapshot = {
  board: { id: "b", title: 'A "quoted" title with $& and $\' in it' },
  annotations: [{ id: "a", body: "line\nbreak \u2028 😀", tags: [] }],
};

describe("passing serialized JSON through Socket.IO's encoder", () => {
  it("writes an ack carrying a SerializedJson exactly as the stock encoder writes the parsed value", () => {
    const text = JSON.stringify(snapshot);
    const encoded = taught.encoder.encode({
      type: ACK,
      nsp: "/",
      id: 7,
      data: [{ ok: true, boardId: "b", seq: 42, snapshot: new SerializedJson(text) }],
    });
    const expected = stock.encoder.encode({
      type: ACK,
      nsp: "/",
      id: 7,
      data: [{ ok: true, boardId: "b", seq: 42, snapshot }],
    });
    expect(encoded).toEqual(expected);
  });

  it("leaves packets without serialized JSON to the stock encoder", () => {
    const packet = { type: 2, nsp: "/", data: ["board:op", { seq: 1, data: { body: "serialized-json-0" } }] };
    expect(taught.encoder.encode(packet)).toEqual(stock.encoder.encode(packet));
  });

  it("keeps binary attachments beside a serialized text", () => {
    const attachment = Buffer.from([1, 2, 3]);
    const encoded = taught.encoder.encode({
      type: ACK,
      nsp: "/",
      id: 1,
      data: [{ file: attachment, snapshot: new SerializedJson("[1,2]") }],
    });
    const expected = stock.encoder.encode({
      type: ACK,
      nsp: "/",
      id: 1,
      data: [{ file: attachment, snapshot: [1, 2] }],
    });
    expect(encoded).toEqual(expected);
  });

  it("splices several texts, each where its own property stands, whatever the texts contain", () => {
    // The first text holds what looks like the second's place: only the head is searched for marks.
    const first = JSON.stringify({ note: '"serialized-json-1"', list: [1] });
    const encoded = taught.encoder.encode({
      type: ACK,
      nsp: "/",
      id: 2,
      data: [{ a: new SerializedJson(first), between: "x", b: new SerializedJson("[3]") }],
    });
    const expected = stock.encoder.encode({
      type: ACK,
      nsp: "/",
      id: 2,
      data: [{ a: JSON.parse(first), between: "x", b: [3] }],
    });
    expect(encoded).toEqual(expected);
  });

  it("refuses to be written by any other serializer (a broadcast through an adapter, a logger)", () => {
    expect(() => JSON.stringify({ snapshot: new SerializedJson("[1]") })).toThrow(/patched Socket.IO encoder/);
    expect(() =>
      stock.encoder.encode({ type: 2, nsp: "/", data: ["x", { snapshot: new SerializedJson("[1]") }] }),
    ).toThrow();
  });
});
