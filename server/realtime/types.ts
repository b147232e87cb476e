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

/** Between nodes, through the adapter (serverSideEmit). */
export type InterServerEvents = {
  /** The sender's link to the other nodes was down and is back: ops may have been missed both ways. */
  "node:rejoined": () => void;
};

export type WatchfloorServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type WatchfloorSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
