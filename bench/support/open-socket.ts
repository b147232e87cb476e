// A socket.io-client connection as the bench's clients open them: WebSocket only, the session cookie
// (none for the bare server), no reconnection, a connection of its own. Resolves once connected.
import { io, type Socket } from "socket.io-client";
import { handshakeAuth } from "@/lib/protocol";

export async function openSocket(url: string, cookie: string): Promise<Socket> {
  const socket = io(url, {
    transports: ["websocket"],
    extraHeaders: cookie ? { cookie } : {},
    // Watchfloor refuses a handshake without its protocol version; the bare baseline server ignores it.
    auth: handshakeAuth(),
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}
