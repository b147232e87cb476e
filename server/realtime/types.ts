// The typed Socket.IO server and socket used across the realtime modules.
import type { Server, Socket } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/events";
import type { Actor } from "../actor";

export type SocketData = { actor: Actor; sessionId: string; expiresAt: number };

export type WatchfloorServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type WatchfloorSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
