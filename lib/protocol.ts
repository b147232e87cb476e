// The version of the live protocol (the events in lib/events.ts, the ops in lib/ops.ts, docs/realtime.md)
// a browser was built for. It travels in the Socket.IO handshake, and the server refuses any other.

/**
 * Bump when an event or an op changes meaning incompatibly: renamed, a field dropped or read differently,
 * an answer a page built before the change would misread. Additions need no bump: an event older pages
 * never send, a field they ignore, or a new op type, which a page that does not know it answers by
 * fetching a fresh snapshot (lib/board-state.ts).
 */
/** 2 (issue 16): an event's `place` became an object with coordinates, where it was text. */
export const PROTOCOL_VERSION = 2;

/** What a client puts in the handshake's `auth`. */
export type HandshakeAuth = { protocolVersion: number };

export function handshakeAuth(): HandshakeAuth {
  return { protocolVersion: PROTOCOL_VERSION };
}
