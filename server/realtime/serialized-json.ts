// JSON text that goes onto the socket as it is, in place of the value it encodes (pass-serialized-json.ts):
// a board snapshot is built as JSON by PostgreSQL, and parsing it only for Socket.IO to stringify it again
// cost the server ~0.3 s and 30 MB of garbage per join of a large board (docs/BENCHMARKS.md, scenario 5).

export class SerializedJson<T> {
  /** The type the text encodes; never set, it only carries T. */
  declare readonly encodes?: T;

  constructor(readonly text: string) {}

  parse(): T {
    return JSON.parse(this.text) as T;
  }

  /**
   * Only the patched encoder may write it (as an ack's property, one level down). Anything else that
   * serializes it (a broadcast through the Redis or Postgres adapter, a logger) would send
   * {"text": "…"} in place of the value: fail loudly instead.
   */
  toJSON(): never {
    throw new Error("A SerializedJson reached a serializer other than the patched Socket.IO encoder");
  }
}
