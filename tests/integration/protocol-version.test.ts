// The live protocol's version at the handshake (issue 13): a client built for this version joins; one
// built for another, or one that predates the version (sends none), is refused with PROTOCOL_MISMATCH and
// a message to reload, and never reaches a board.
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireError } from "@/lib/errors";
import { PROTOCOL_VERSION } from "@/lib/protocol";
import { boardRoom } from "@/server/realtime/rooms";
import {
  makeAnalyst,
  makeBoard,
  signIn,
  type TestAnalyst,
  type TestBoard,
  type TestSocket,
} from "../support/factories";
import { joinedSocket, openTestApp, type TestApp } from "../support/open-test-app";

let app: TestApp;
let analyst: TestAnalyst;
let board: TestBoard;
let cookie: string;

beforeAll(async () => {
  app = await openTestApp();
  analyst = await makeAnalyst(app);
  board = await makeBoard(app, [[analyst, "editor"]]);
  cookie = await signIn(app, analyst);
});

afterAll(() => app?.stop());

/** A signed-in socket whose handshake carries `auth` as given (the shared helper always sends the version). */
function socketWithAuth(auth: Record<string, unknown>): TestSocket {
  const socket: TestSocket = io(app.url, {
    transports: ["websocket"],
    extraHeaders: { cookie },
    auth,
    reconnection: false,
    forceNew: true,
  });
  app.sockets.push(socket);
  return socket;
}

/** How the handshake ended: connected, or refused with the error Socket.IO reported. */
function handshake(socket: TestSocket): Promise<"connected" | (Error & { data?: WireError })> {
  return new Promise((resolve) => {
    socket.once("connect", () => resolve("connected"));
    socket.once("connect_error", (error) => resolve(error));
  });
}

/** The ids of the sockets in the board's room, on this server. */
async function socketsOnBoard(): Promise<string[]> {
  return (await app.io.in(boardRoom(board.id)).fetchSockets()).map((socket) => socket.id);
}

describe("the protocol version at the handshake", () => {
  it("lets a client of the current version connect and join", async () => {
    const socket = await joinedSocket(app, cookie, board);
    expect(await socketsOnBoard()).toContain(socket.id);
  });

  const refused: [string, Record<string, unknown>][] = [
    ["another version", { protocolVersion: PROTOCOL_VERSION + 1 }],
    ["no version (a page from before the check)", {}],
    ["the version as text", { protocolVersion: String(PROTOCOL_VERSION) }],
  ];
  it.each(refused)("refuses a client that sends %s with PROTOCOL_MISMATCH and a reload message", async (_, auth) => {
    const before = await socketsOnBoard();
    const socket = socketWithAuth(auth);
    const outcome = await handshake(socket);
    if (outcome === "connected") throw new Error("the handshake was accepted");
    expect(outcome.message).toBe("PROTOCOL_MISMATCH");
    expect(outcome.data?.code).toBe("PROTOCOL_MISMATCH");
    expect(outcome.data?.message).toMatch(/reload the page/);
    // Refused in the handshake: the socket never connected, so it can be in no board's room.
    expect(socket.connected).toBe(false);
    expect(await socketsOnBoard()).toEqual(before);
  });
});
