// A socket.io-client connection as the bench's clients open them: WebSocket only, the session cookie
// (none for the bare server), no reconnection, a connection of its own. Resolves once connected.
import { io, type Socket } from "socket.io-client";

export async function openSocket(url: string, cookie: string): Promise<Socket> {
  const socket = io(url, {
    transports: ["websocket"],
    extraHeaders: cookie ? { cookie } : {},
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}
