// A create is idempotent by its client-generated id: a resend answers what was stored the first time.
// That answer is for members of the board only: someone who learns a fact's id and its board's id must
// not read the fact by "resending" its create.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAnalyst, makeBoard, type TestAnalyst, type TestBoard } from "../support/factories";
import { connectedSocket, openTestApp, type TestApp } from "../support/open-test-app";

let app: TestApp;
let bob: TestAnalyst;
let mallory: TestAnalyst;
let board: TestBoard;

beforeAll(async () => {
  app = await openTestApp();
  bob = await makeAnalyst(app, { name: "Bob Okafor" });
  mallory = await makeAnalyst(app, { name: "Mallory Outsider" });
  board = await makeBoard(app, [[bob, "editor"]]);
  await makeBoard(app, [[mallory, "owner"]]);
});

afterAll(() => app?.stop());

describe("a resent create", () => {
  const source = () => ({ id: randomUUID(), title: "Restricted cable 0117", publisher: "Embassy Kyiv" });

  it("answers the stored fact to the member who sent it", async () => {
    const editor = await connectedSocket(app, bob);
    const create = { ...source(), boardId: board.id };
    const first = await editor.emitWithAck("source:create", create);
    const again = await editor.emitWithAck("source:create", create);
    expect(first.ok && again.ok).toBe(true);
    expect(again.ok && again.source).toEqual(first.ok && first.source);
  });

  it("answers NOT_FOUND, and nothing of the fact, to someone who is not on the board", async () => {
    const editor = await connectedSocket(app, bob);
    const create = { ...source(), boardId: board.id };
    expect((await editor.emitWithAck("source:create", create)).ok).toBe(true);

    const outsider = await connectedSocket(app, mallory);
    const probe = await outsider.emitWithAck("source:create", { ...create, title: "guess", publisher: "" });
    expect(probe.ok).toBe(false);
    expect(!probe.ok && probe.error.code).toBe("NOT_FOUND");
    expect(JSON.stringify(probe)).not.toContain("Embassy Kyiv");
  });
});
