// Streamed answers (CSV, JSON-LD): a task writes its file as a sequence of text pieces, which go to the
// main thread in chunks of about 64 KiB, each moved rather than copied, and then an end marker (null).
// The main thread writes the chunks to the HTTP response as they come (create-worker-pool.ts, stream):
// no one string of the whole file is ever built, on either side.
import type { MessagePort } from "node:worker_threads";

const CHUNK_CHARS = 64 * 1024;

/** A stream task's input: its data, and the port its chunks go to. */
export type StreamInput<D> = { data: D; sink: MessagePort };

/** The end of a stream on its port, after the last chunk. */
export const STREAM_END = null;

export function streamText<D>(pieces: (data: D) => Iterable<string>) {
  return (input: StreamInput<D>): void => {
    const encoder = new TextEncoder();
    let pending: string[] = [];
    let size = 0;
    const flush = () => {
      // TextEncoder's bytes own their memory, so they can be moved (Buffer.from's may share a pool).
      const bytes = encoder.encode(pending.join(""));
      input.sink.postMessage(bytes, [bytes.buffer]);
      pending = [];
      size = 0;
    };
    try {
      for (const piece of pieces(input.data)) {
        pending.push(piece);
        size += piece.length;
        if (size >= CHUNK_CHARS) flush();
      }
      if (size > 0) flush();
      input.sink.postMessage(STREAM_END);
    } finally {
      input.sink.close();
    }
  };
}
