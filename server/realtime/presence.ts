// Who is on a board, from the sockets in its room (across nodes, through the adapter), with what each
// analyst looks at and where they type. Ephemeral: never written to the database or the op log.
import type { PresenceMember } from "@/lib/events";
import { boardRoom } from "./rooms";
import type { WatchfloorServer } from "./types";

/** Typing that has not been refreshed for this long is no longer shown. */
export const TYPING_SHOWN_MS = 6_000;

export async function broadcastPresence(io: WatchfloorServer, boardId: string): Promise<void> {
  const room = boardRoom(boardId);
  const sockets = await io.in(room).fetchSockets();
  const now = Date.now();
  const members = new Map<string, PresenceMember & { updatedAt: number }>();
  for (const socket of sockets) {
    const { actor } = socket.data;
    const presence = socket.data.presence?.boardId === boardId ? socket.data.presence : undefined;
    const member = members.get(actor.id) ?? {
      userId: actor.id,
      name: actor.name,
      connections: 0,
      focus: null,
      typingIn: null,
      updatedAt: 0,
    };
    member.connections += 1;
    // Of several tabs, the one used last says what the analyst is looking at.
    if (presence && presence.updatedAt >= member.updatedAt) {
      member.focus = presence.focus;
      member.updatedAt = presence.updatedAt;
    }
    if (presence?.typingIn && now - presence.updatedAt < TYPING_SHOWN_MS) member.typingIn = presence.typingIn;
    members.set(actor.id, member);
  }
  const sorted = [...members.values()]
    .map(({ updatedAt: _updatedAt, ...member }) => member)
    .sort((a, b) => a.name.localeCompare(b.name));
  io.to(room).emit("presence:state", { boardId, members: sorted });
}
