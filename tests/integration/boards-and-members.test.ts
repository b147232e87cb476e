// Boards and who is on them: creating, renaming, archiving; inviting by email (now or at sign-up);
// roles; the last owner; and editing annotations against a stale version.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annotationInput, makeAnalyst, makeBoard, signIn, TEST_PASSWORD, type TestAnalyst } from "../support/factories";
import { connectedSocket, joinedSocket, openTestApp, type TestApp } from "../support/open-test-app";

let app: TestApp;
let owner: TestAnalyst;
let ownerCookie: string;

async function call(method: string, path: string, cookie: string | undefined, body?: unknown) {
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: {
      ...(cookie ? { cookie } : {}),
      origin: app.url,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

beforeAll(async () => {
  app = await openTestApp();
  owner = await makeAnalyst(app, { name: "Olga Owner" });
  ownerCookie = await signIn(app, owner);
});

afterAll(() => app?.stop());

describe("creating a board", () => {
  it("makes the creator its owner and gives it a unique slug", async () => {
    const first = await call("POST", "/api/boards", ownerCookie, {
      title: "Baltic Sea – cable incidents",
      description: "Seabed cables",
    });
    const second = await call("POST", "/api/boards", ownerCookie, { title: "Baltic Sea – cable incidents" });
    expect(first.status).toBe(201);
    expect(first.body.slug).toBe("baltic-sea-cable-incidents");
    expect(second.body.slug).toBe("baltic-sea-cable-incidents-2");
    const mine = await call("GET", "/api/boards", ownerCookie);
    expect(mine.body.boards.filter((board: { id: string }) => board.id === first.body.id)).toEqual([
      expect.objectContaining({ role: "owner", title: "Baltic Sea – cable incidents", description: "Seabed cables" }),
    ]);
  });
});

describe("owners change a board", () => {
  it("renames it and sets its handling line, which every watcher sees as an op", async () => {
    const board = await makeBoard(app, [[owner, "owner"]]);
    const ops: string[] = [];
    await joinedSocket(app, ownerCookie, board, (socket) => socket.on("board:op", (op) => ops.push(op.type)));
    const changed = await call("PATCH", `/api/boards/${board.slug}`, ownerCookie, {
      title: "Renamed",
      handling: "UNCLASSIFIED // FOR TRAINING",
    });
    expect(changed.body.board).toMatchObject({
      title: "Renamed",
      handling: "UNCLASSIFIED // FOR TRAINING",
      archived: false,
    });
    await expect.poll(() => ops).toContain("board.updated");
  });

  it("archives it: writes are refused until it is restored", async () => {
    const board = await makeBoard(app, [[owner, "owner"]]);
    const socket = await connectedSocket(app, ownerCookie);
    expect(
      (await call("PATCH", `/api/boards/${board.slug}`, ownerCookie, { archived: true })).body.board.archived,
    ).toBe(true);
    const refused = await socket.emitWithAck("annotation:create", annotationInput(board));
    expect(refused.ok ? null : refused.error.code).toBe("CONFLICT");
    expect((await call("PATCH", `/api/boards/${board.slug}`, ownerCookie, { title: "Still archived" })).status).toBe(
      409,
    );
    expect((await call("PATCH", `/api/boards/${board.slug}`, ownerCookie, { archived: false })).status).toBe(200);
    expect((await socket.emitWithAck("annotation:create", annotationInput(board))).ok).toBe(true);
  });
});

describe("inviting by email", () => {
  it("adds an existing account at once", async () => {
    const board = await makeBoard(app, [[owner, "owner"]]);
    const bob = await makeAnalyst(app);
    const invited = await call("POST", `/api/boards/${board.slug}/members`, ownerCookie, {
      email: bob.email.toUpperCase(),
      role: "commenter",
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ status: "added", member: { userId: bob.id, role: "commenter" } });
    const again = await call("POST", `/api/boards/${board.slug}/members`, ownerCookie, {
      email: bob.email,
      role: "editor",
    });
    expect(again.body.error.code).toBe("CONFLICT");
  });

  it("keeps the invitation for a new address, which gets the role when it signs up", async () => {
    const board = await makeBoard(app, [[owner, "owner"]]);
    const email = `new-${randomUUID().slice(0, 8)}@watchfloor.test`;
    const invited = await call("POST", `/api/boards/${board.slug}/members`, ownerCookie, { email, role: "editor" });
    expect(invited.body).toMatchObject({ status: "invited", invitation: { email, role: "editor" } });
    expect((await call("GET", `/api/boards/${board.slug}/members`, ownerCookie)).body.invitations).toEqual([
      expect.objectContaining({ email, role: "editor" }),
    ]);

    const signedUp = await fetch(`${app.url}/api/sign-up`, {
      method: "POST",
      headers: { origin: app.url, "content-type": "application/json" },
      body: JSON.stringify({ email, name: "Nina New", password: TEST_PASSWORD }),
    });
    expect(signedUp.status).toBe(201);
    const cookie = signedUp.headers
      .getSetCookie()
      .map((value) => value.split(";")[0])
      .join("; ");
    const boards = await call("GET", "/api/boards", cookie);
    expect(boards.body.boards).toEqual([expect.objectContaining({ id: board.id, role: "editor" })]);
    expect((await call("GET", `/api/boards/${board.slug}/members`, ownerCookie)).body.invitations).toEqual([]);
  });

  it("refuses sign-up to an address nobody invited", async () => {
    const response = await fetch(`${app.url}/api/sign-up`, {
      method: "POST",
      headers: { origin: app.url, "content-type": "application/json" },
      body: JSON.stringify({ email: "stranger@example.test", name: "Stranger", password: TEST_PASSWORD }),
    });
    expect(response.status).toBe(403);
    expect(await app.db.user.count({ where: { email: "stranger@example.test" } })).toBe(0);
  });

  it("lets an owner withdraw an invitation", async () => {
    const board = await makeBoard(app, [[owner, "owner"]]);
    await call("POST", `/api/boards/${board.slug}/members`, ownerCookie, {
      email: "maybe@watchfloor.test",
      role: "viewer",
    });
    expect(
      (await call("DELETE", `/api/boards/${board.slug}/invitations/maybe%40watchfloor.test`, ownerCookie)).status,
    ).toBe(200);
    expect(await app.db.invitation.count({ where: { boardId: board.id } })).toBe(0);
  });
});

describe("a board always keeps an owner", () => {
  it("refuses to demote or remove the last owner, and allows it once there is another", async () => {
    const board = await makeBoard(app, [[owner, "owner"]]);
    const demote = await call("PATCH", `/api/boards/${board.slug}/members/${owner.id}`, ownerCookie, {
      role: "editor",
    });
    const remove = await call("DELETE", `/api/boards/${board.slug}/members/${owner.id}`, ownerCookie);
    expect([demote.body.error.code, remove.body.error.code]).toEqual(["CONFLICT", "CONFLICT"]);

    const deputy = await makeAnalyst(app);
    await call("POST", `/api/boards/${board.slug}/members`, ownerCookie, { email: deputy.email, role: "owner" });
    expect(
      (await call("PATCH", `/api/boards/${board.slug}/members/${owner.id}`, ownerCookie, { role: "editor" })).status,
    ).toBe(200);
  });

  it("keeps one owner when two owners demote each other at the same moment", async () => {
    const other = await makeAnalyst(app);
    const board = await makeBoard(app, [
      [owner, "owner"],
      [other, "owner"],
    ]);
    const otherCookie = await signIn(app, other);
    await Promise.all([
      call("PATCH", `/api/boards/${board.slug}/members/${other.id}`, ownerCookie, { role: "editor" }),
      call("PATCH", `/api/boards/${board.slug}/members/${owner.id}`, otherCookie, { role: "editor" }),
    ]);
    expect(await app.db.membership.count({ where: { boardId: board.id, role: "owner" } })).toBe(1);
  });
});

describe("editing an annotation", () => {
  it("refuses an edit based on a stale version with CONFLICT and the current version", async () => {
    const board = await makeBoard(app, [[owner, "owner"]]);
    const socket = await connectedSocket(app, ownerCookie);
    const input = annotationInput(board, { body: "First take." });
    await socket.emitWithAck("annotation:create", input);
    const first = await socket.emitWithAck("annotation:update", {
      id: input.id,
      boardId: board.id,
      expectedVersion: 1,
      body: "Second take.",
    });
    expect(first.ok && first.annotation).toMatchObject({ body: "Second take.", version: 2 });
    const stale = await socket.emitWithAck("annotation:update", {
      id: input.id,
      boardId: board.id,
      expectedVersion: 1,
      body: "Lost edit.",
    });
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.error.code).toBe("CONFLICT");
    expect(stale.error.current).toMatchObject({ body: "Second take.", version: 2 });
  });

  it("records who deleted an annotation, and hides it from the board", async () => {
    const author = await makeAnalyst(app);
    const board = await makeBoard(app, [
      [owner, "owner"],
      [author, "commenter"],
    ]);
    const [authorSocket, ownerSocket] = await Promise.all([
      connectedSocket(app, author),
      connectedSocket(app, ownerCookie),
    ]);
    const input = annotationInput(board);
    await authorSocket.emitWithAck("annotation:create", input);
    const deleted = await ownerSocket.emitWithAck("annotation:delete", { id: input.id, boardId: board.id });
    expect(deleted.ok).toBe(true);
    const op = await app.db.op.findFirstOrThrow({ where: { entityId: input.id, type: "annotation.deleted" } });
    expect(op.actorId).toBe(owner.id);
    expect(await app.db.annotation.findUnique({ where: { id: input.id } })).toMatchObject({ deletedById: owner.id });
    const listed = await call("GET", `/api/boards/${board.slug}/annotations`, ownerCookie);
    expect(listed.body.annotations.map((annotation: { id: string }) => annotation.id)).not.toContain(input.id);
  });
});
