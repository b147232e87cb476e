// Proving that something was NOT broadcast without sleeping: a barrier op. The server writes a board's ops
// to each socket in the room in the order it publishes them (one ordered connection per socket), and a
// request's ack is written after whatever that request published. So once a watcher holds an op that
// was published after the calls under test were answered, anything those calls had broadcast is already
// in the watcher's list: what is missing there was never sent.
import { expect } from "vitest";
import type { WireOp } from "@/lib/ops";
import { annotationInput, type TestBoard, type TestSocket } from "./factories";

/**
 * Sends one well-formed annotation from `writer` (a member who may annotate `board`) and waits until every
 * list in `watchers` (each filled by a joined socket's `board:op` listener) holds its op. Returns the op's
 * seq and the annotation's id, so a test can leave the barrier out of what it compares.
 */
export async function barrierOp(
  writer: TestSocket,
  board: TestBoard,
  watchers: readonly WireOp[][],
): Promise<{ seq: number; id: string }> {
  const input = annotationInput(board, { body: "Barrier: everything sent before this has been handled." });
  const ack = await writer.timeout(10_000).emitWithAck("annotation:create", input);
  if (!ack.ok) throw new Error(`the barrier annotation was refused: ${ack.error.code} ${ack.error.message}`);
  for (const ops of watchers) {
    await expect.poll(() => ops.some((op) => op.seq === ack.seq), { timeout: 10_000 }).toBe(true);
  }
  return { seq: ack.seq, id: input.id };
}

/**
 * For a socket that is not in the board's room (so it cannot see a barrier op): a request answered after
 * everything the server had already written to this socket. Call it after the write under test was acked,
 * which happens after that write's broadcast was written to every socket in the room.
 */
export async function roundTrip(socket: TestSocket): Promise<void> {
  // A read of an annotation that does not exist: answered NOT_FOUND, and changes nothing.
  const nobody = "00000000-0000-4000-8000-000000000000";
  const ack = await socket.timeout(10_000).emitWithAck("annotation:history", { id: nobody, boardId: nobody });
  if (ack.ok) throw new Error("the round trip was expected to be refused");
}
