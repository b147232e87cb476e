// Who is on a board, from the sockets in its room (across nodes, through the adapter). Ephemeral.
import type { PresenceMember } from "@/lib/events";
import { boardRoom } from "./rooms";
import type { WatchfloorServer } from "./types";

export async function broadcastPresence(io: WatchfloorServer, boardId: string): Promise<void> {
  const room = boardRoom(boardId);
  const sockets = await io.in(room).fetchSockets();
  const members = new Map<string, PresenceMember>();
  for (const socket of sockets) {
    const { actor } = socket.data;
    const member = members.get(actor.id) ?? { userId: actor.id, name: actor.name, connections: 0 };
    member.connections += 1;
    members.set(actor.id, member);
  }
  const sorted = [...members.values()].sort((a, b) => a.name.localeCompare(b.name));
  io.to(room).emit("presence:state", { boardId, members: sorted });
}
