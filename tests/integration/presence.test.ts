// Presence: who is on the board, what they look at, where they type; a closed tab leaves everyone's
// view within seconds. Nothing of it is stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PresenceMember } from "@/lib/events";
import { makeAnalyst, makeBoard, type TestAnalyst, type TestBoard, type TestSocket } from "../support/factories";
import { connectedSocket, joinedSocket, openTestApp, type TestApp } from "../support/open-test-app";

let app: TestApp;
let alice: TestAnalyst;
let bob: TestAnalyst;
let board: TestBoard;

async function joined(analyst: TestAnalyst): Promise<{ socket: TestSocket; members: () => PresenceMember[] }> {
  let latest: PresenceMember[] = [];
  const socket = await joinedSocket(app, analyst, board, (socket) =>
    socket.on("presence:state", (state) => {
      if (state.boardId === board.id) latest = state.members;
    }),
  );
  return { socket, members: () => latest };
}

beforeAll(async () => {
  app = await openTestApp();
  alice = await makeAnalyst(app, { name: "Alice Mercer" });
  bob = await makeAnalyst(app, { name: "Bob Okafor" });
  board = await makeBoard(app, [
    [alice, "owner"],
    [bob, "editor"],
  ]);
});

afterAll(() => app?.stop());

describe("presence", () => {
  it("shows a second tab's analyst, and drops them within 5 seconds of the tab closing", async () => {
    const aliceTab = await joined(alice);
    const bobTab = await joined(bob);
    await expect
      .poll(() =>
        aliceTab
          .members()
          .map((member) => member.userId)
          .sort(),
      )
      .toEqual([alice.id, bob.id].sort());
    bobTab.socket.disconnect();
    await expect.poll(() => aliceTab.members().map((member) => member.userId), { timeout: 5000 }).toEqual([alice.id]);
  });

  it("tells everyone what an analyst is looking at and where they are typing, and lets typing fade", async () => {
    const aliceTab = await joined(alice);
    const bobTab = await joined(bob);
    const thread = "5c7ad4a0-6f6b-4e8e-9a59-2f6a3f0b1c2d";
    const update = await bobTab.socket.emitWithAck("presence:update", {
      boardId: board.id,
      focus: { type: "event", id: board.eventId },
      typingIn: thread,
    });
    expect(update.ok).toBe(true);
    const bobSeen = () => aliceTab.members().find((member) => member.userId === bob.id);
    await expect.poll(bobSeen).toMatchObject({ focus: { type: "event", id: board.eventId }, typingIn: thread });
    await expect.poll(() => bobSeen()?.typingIn, { timeout: 8000 }).toBeNull();
    expect(bobSeen()?.focus).toEqual({ type: "event", id: board.eventId });
    expect(await app.db.op.count({ where: { boardId: board.id } })).toBe(0);
  });

  it("refuses presence for a board the socket has not joined", async () => {
    const socket = await connectedSocket(app, alice);
    const update = await socket.emitWithAck("presence:update", { boardId: board.id, focus: null, typingIn: null });
    expect(update.ok ? null : update.error.code).toBe("NOT_FOUND");
  });
});
