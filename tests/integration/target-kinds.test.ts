// The one cross-board check (server/annotations/find-target-problems.ts), for every kind of target that
// points at something: a target on this board is accepted, one on another board is refused by
// annotation:create with the field that names it, and by the check the W3C import, the threshold
// warning and the seed call (issue 13).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TARGET_KINDS, TARGET_TYPES, type TargetOf, type TargetType } from "@/lib/targets/target-kinds";
import { assertTargetsOnBoard, findTargetsOffBoard } from "@/server/annotations/find-target-problems";
import { ANNOTATION_INCLUDE, toWireAnnotation } from "@/server/annotations/to-wire-annotation";
import { AppError } from "@/server/errors";
import {
  annotationInput,
  makeAnalyst,
  makeBoard,
  type TestAnalyst,
  type TestBoard,
  type TestSocket,
} from "../support/factories";
import { joinedSocket, openTestApp, type TestApp } from "../support/open-test-app";
import { SAMPLE_DOCUMENT, targetSamplesOn } from "../support/target-samples";

/** Each board's source, holding the sample document as version 1. */
const sourceIds = new Map<string, string>();
const TARGET_ON = <T extends TargetType>(type: T, board: TestBoard): TargetOf<T> =>
  targetSamplesOn({ ...board, sourceId: sourceIds.get(board.id) ?? "" })[type];

const POINTING = TARGET_TYPES.filter((type) => TARGET_KINDS[type].references !== null);

let app: TestApp;
let alice: TestAnalyst;
let board: TestBoard;
let other: TestBoard;
let socket: TestSocket;

beforeAll(async () => {
  app = await openTestApp();
  alice = await makeAnalyst(app);
  [board, other] = await Promise.all([makeBoard(app, [[alice, "owner"]]), makeBoard(app, [[alice, "owner"]])]);
  socket = await joinedSocket(app, alice, board);
  for (const { id: boardId } of [board, other]) {
    const id = randomUUID();
    const created = await socket.emitWithAck("source:create", { id, boardId, title: "Wrap-up", text: SAMPLE_DOCUMENT });
    if (!created.ok) throw new Error(created.error.message);
    sourceIds.set(boardId, id);
  }
});

afterAll(() => app?.stop());

it("some kinds point at something, so the checks below are not vacuous", () => {
  expect(POINTING.length).toBeGreaterThanOrEqual(4);
});

describe.each(TARGET_TYPES)("a %s target", (type) => {
  it("on this board is written by annotation:create, stored as it was sent, and passes the check", async () => {
    const target = TARGET_ON(type, board);
    const ack = await socket.emitWithAck("annotation:create", annotationInput(board, { target }));
    expect(ack.ok ? ack.annotation.target : ack.error).toEqual(target);
    // Read back from its row: a column the batch insert does not write (TARGET_COLUMN_TYPES) shows here.
    const row = await app.db.annotation.findUniqueOrThrow({
      where: { id: ack.ok ? ack.annotation.id : "" },
      include: ANNOTATION_INCLUDE,
    });
    expect(toWireAnnotation(row).target).toEqual(target);
    expect(await findTargetsOffBoard(app.db, board.id, [target])).toEqual([null]);
    await expect(assertTargetsOnBoard(app.db, board.id, [target])).resolves.toBeUndefined();
  });
});

describe.each(POINTING)("a %s target on another board", (type) => {
  const reference = TARGET_KINDS[type].references;

  it("is refused by annotation:create as VALIDATION naming its field, writing nothing", async () => {
    const before = await app.db.annotation.count();
    const ack = await socket.emitWithAck(
      "annotation:create",
      annotationInput(board, { target: TARGET_ON(type, other) }),
    );
    expect(ack.ok ? null : ack.error.code).toBe("VALIDATION");
    expect(ack.ok ? null : ack.error.issues?.map((issue) => issue.path)).toEqual([["target", reference?.field]]);
    expect(await app.db.annotation.count()).toBe(before);
  });

  it("is named by the check that the import, the warning and the seed call", async () => {
    const targets = [TARGET_ON(type, board), TARGET_ON(type, other), { type: "board" } as const];
    expect(await findTargetsOffBoard(app.db, board.id, targets)).toEqual([null, reference?.entity, null]);
    const refused = await assertTargetsOnBoard(app.db, board.id, targets).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("VALIDATION");
  });
});
