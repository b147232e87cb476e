// The typed Socket.IO server and socket used across the realtime modules.
import type { Server, Socket } from "socket.io";
import type { ClientToServerEvents, PresenceFocus, ServerToClientEvents } from "@/lib/events";
import type { Actor } from "../actor";

export type SocketData = {
  actor: Actor;
  sessionId: string;
  expiresAt: number;
  /** Presence (ephemeral): what this tab looks at and where it types, and since when. */
  presence?: { boardId: string; focus: PresenceFocus | null; typingIn: string | null; updatedAt: number };
};

export type WatchfloorServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type WatchfloorSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
