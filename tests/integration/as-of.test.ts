// The board as it stood at an instant (issue 19), against the real server and PostgreSQL: for random
// sequences of creates, edits, resolves, deletes and restores made through the socket services, the
// snapshot `asOf` each recorded instant equals the live snapshot (board:join) taken at that instant.
// Also: bad instants, before the board, strangers, replays that start at a checkpoint (genesis, import,
// periodic) and the baseline of a board older than checkpoints. Seeded: the seed is printed, and
// AS_OF_SEED=<seed> replays a run.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BoardSnapshot } from "@/lib/schemas/board";
import type { SnapshotAsOf } from "@/lib/schemas/shift";
import { insertAnnotationBatch } from "@/server/annotations/insert-annotation-batch";
import { newAnnotation } from "@/server/annotations/new-annotation";
import { createBoard } from "@/server/boards/create-board";
import { importObservationsCsv } from "@/server/csv/import-observations-csv";
import { CHECKPOINT_EVERY } from "@/server/history/checkpoints";
import { inviteMember } from "@/server/members/invite-member";
import { removeMember } from "@/server/members/remove-member";
import { updateMember } from "@/server/members/update-member";
import { appendOps } from "@/server/ops/append-op";
import { seededRandom } from "../../bench/support/seeded-random";
import { makeAnalyst, makeBoard, signIn, type TestAnalyst, type TestSocket } from "../support/factories";
import { connectedSocket, openTestApp, type TestApp } from "../support/open-test-app";

const SEED = Number(process.env.AS_OF_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(`as-of property: seed ${SEED} (replay with AS_OF_SEED=${SEED})`);

let app: TestApp;
let owner: TestAnalyst;
let stranger: TestAnalyst;
let ownerCookie: string;
let strangerCookie: string;
let socket: TestSocket;

beforeAll(async () => {
  app = await openTestApp({ seedDemo: false });
  [owner, stranger] = await Promise.all([makeAnalyst(app, { name: "Olga Owner" }), makeAnalyst(app)]);
  [ownerCookie, strangerCookie] = await Promise.all([signIn(app, owner), signIn(app, stranger)]);
  socket = await connectedSocket(app, ownerCookie);
});

afterAll(() => app?.stop());

/** Seeded, so a failing run replays from its seed. */
function randomFrom(seed: number) {
  const next = seededRandom(seed);
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T | undefined => (items.length ? items[int(items.length)] : undefined);
  return { next, int, pick };
}

async function newBoard(title: string): Promise<{ id: string; slug: string }> {
  return createBoard({ domain: app.domain, actor: owner, input: { title } });
}

async function liveSnapshot(boardId: string): Promise<{ seq: number; snapshot: BoardSnapshot }> {
  const joined = await socket.emitWithAck("board:join", { boardId });
  if (!joined.ok || !("snapshot" in joined)) throw new Error("board:join gave no snapshot");
  return { seq: joined.seq, snapshot: joined.snapshot as unknown as BoardSnapshot };
}

async function asOf(slug: string, instant: string, cookie = ownerCookie): Promise<Response> {
  return fetch(`${app.url}/api/boards/${slug}/snapshot?asOf=${encodeURIComponent(instant)}`, { headers: { cookie } });
}

async function asOfBody(slug: string, instant: string): Promise<SnapshotAsOf> {
  const response = await asOf(slug, instant);
  if (response.status !== 200) throw new Error(`as of ${instant}: ${response.status} ${await response.text()}`);
  return (await response.json()) as SnapshotAsOf;
}

/**
 * An instant after everything acknowledged so far. Op times are the database clock rounded to the
 * millisecond, so the instant is taken once the clock has passed the millisecond of the last ack, and
 * the next write waits until the clock has passed the instant (untilPast).
 */
async function instantAfterAck(): Promise<string> {
  const acked = Date.now();
  await untilPast(acked);
  return new Date(Date.now()).toISOString();
}

async function untilPast(ms: number): Promise<void> {
  while (Date.now() <= ms) await new Promise((resolve) => setTimeout(resolve, 1));
}

type Recorded = { instant: string; seq: number; snapshot: BoardSnapshot };

/** Records the instant and the live snapshot then; the next write happens strictly later. */
async function record(boardId: string, records: Recorded[]): Promise<void> {
  const instant = await instantAfterAck();
  const live = await liveSnapshot(boardId);
  records.push({ instant, ...live });
  await untilPast(Date.parse(instant) + 1);
}

/** Distinct instants in the crisis week, so no two events, figures or sources tie in their order. */
function distinctTimes(random: ReturnType<typeof randomFrom>) {
  const used = new Set<number>();
  return () => {
    let minute = random.int(7 * 24 * 60);
    while (used.has(minute)) minute = (minute + 1) % (7 * 24 * 60);
    used.add(minute);
    return new Date(Date.UTC(2022, 0, 8) + minute * 60_000).toISOString();
  };
}

/** One random change through the socket services, chosen from what the board holds now. */
async function randomChange(
  random: ReturnType<typeof randomFrom>,
  boardId: string,
  now: BoardSnapshot,
  deletedNotes: Set<string>,
  time: () => string,
): Promise<string> {
  const ref = (id: string) => ({ id, boardId });
  const notes = now.annotations;
  const observations = now.indicators.flatMap((indicator) => indicator.observations);
  const targets = [
    { type: "board" as const },
    ...now.events.map((event) => ({ type: "event" as const, eventId: event.id })),
    ...observations.map((observation) => ({ type: "observation" as const, observationId: observation.id })),
  ];
  const choices: (() => Promise<{ ok: boolean } | undefined> | undefined)[] = [
    () =>
      socket.emitWithAck("annotation:create", {
        id: randomUUID(),
        boardId,
        target: random.pick(targets) ?? { type: "board" },
        body: `Note ${random.int(1000)}`,
        kind: random.pick(["note", "assessment", "question"] as const),
        ...(random.next() < 0.3 && notes.length
          ? { parentId: random.pick(notes.filter((note) => note.parentId === null))?.id }
          : {}),
      }),
    () => {
      const note = random.pick(notes);
      return note
        ? socket.emitWithAck("annotation:update", {
            ...ref(note.id),
            expectedVersion: note.version,
            body: `Edited ${random.int(1000)}`,
            confidence: random.pick(["low", "moderate", "high"] as const),
          })
        : undefined;
    },
    () => {
      const note = random.pick(notes.filter((candidate) => candidate.parentId === null));
      if (!note) return undefined;
      return socket.emitWithAck(note.resolvedAt ? "annotation:reopen" : "annotation:resolve", ref(note.id));
    },
    () => {
      const note = random.pick(notes);
      if (!note) return undefined;
      deletedNotes.add(note.id);
      return socket.emitWithAck("annotation:delete", ref(note.id));
    },
    () => {
      const id = random.pick([...deletedNotes]);
      if (!id) return undefined;
      deletedNotes.delete(id);
      return socket.emitWithAck("annotation:restore", ref(id));
    },
    () =>
      socket.emitWithAck("event:create", {
        id: randomUUID(),
        boardId,
        title: `Event ${random.int(1000)}`,
        occurredAt: time(),
        category: random.pick(["military", "diplomatic"] as const) ?? "military",
        sourceIds: now.sources.filter(() => random.next() < 0.5).map((source) => source.id),
      }),
    () => {
      const event = random.pick(now.events);
      return event
        ? socket.emitWithAck("event:update", { ...ref(event.id), title: `Retitled ${random.int(1000)}` })
        : undefined;
    },
    () => {
      const event = random.pick(now.events);
      return event ? socket.emitWithAck("event:delete", ref(event.id)) : undefined;
    },
    () =>
      socket.emitWithAck("indicator:create", {
        id: randomUUID(),
        boardId,
        name: `Indicator ${random.int(1000)}`,
        unit: "troops",
      }),
    () => {
      const indicator = random.pick(now.indicators);
      return indicator
        ? socket.emitWithAck("indicator:update", { ...ref(indicator.id), warnAbove: random.int(100) })
        : undefined;
    },
    () => {
      const indicator = random.pick(now.indicators);
      return indicator ? socket.emitWithAck("indicator:delete", ref(indicator.id)) : undefined;
    },
    () => {
      const indicator = random.pick(now.indicators);
      return indicator
        ? socket.emitWithAck("observation:create", {
            id: randomUUID(),
            boardId,
            indicatorId: indicator.id,
            observedAt: time(),
            value: random.int(100),
            sourceId: random.pick(now.sources)?.id ?? null,
          })
        : undefined;
    },
    () => {
      const observation = random.pick(observations);
      return observation
        ? socket.emitWithAck("observation:update", { ...ref(observation.id), value: random.int(100) })
        : undefined;
    },
    () => {
      const observation = random.pick(observations);
      return observation ? socket.emitWithAck("observation:delete", ref(observation.id)) : undefined;
    },
    () =>
      socket.emitWithAck("source:create", {
        id: randomUUID(),
        boardId,
        title: `Report ${random.int(1000)}`,
        publishedAt: time(),
      }),
    () => {
      const source = random.pick(now.sources);
      return source
        ? socket.emitWithAck("source:update", { ...ref(source.id), title: `Renamed ${random.int(1000)}` })
        : undefined;
    },
    () => {
      const source = random.pick(now.sources);
      return source ? socket.emitWithAck("source:delete", ref(source.id)) : undefined;
    },
  ];
  for (;;) {
    const index = random.int(choices.length);
    const pending = choices[index]?.();
    if (pending) {
      const ack = await pending;
      return `${index}:${ack?.ok ? "ok" : "refused"}`;
    }
  }
}

describe("the board as of an instant", () => {
  it("equals the live snapshot taken at every recorded instant, over random changes", async () => {
    const random = randomFrom(SEED);
    const time = distinctTimes(random);
    for (let run = 0; run < 3; run++) {
      const board = await newBoard(`As of run ${run}`);
      const records: Recorded[] = [];
      await record(board.id, records);
      const deletedNotes = new Set<string>();
      const steps: string[] = [];
      for (let step = 0; step < 40; step++) {
        const now = records.at(-1)?.snapshot as BoardSnapshot;
        steps.push(await randomChange(random, board.id, now, deletedNotes, time));
        await record(board.id, records);
      }
      for (const [index, recorded] of records.entries()) {
        const past = await asOfBody(board.slug, recorded.instant);
        expect(past.seq, `seed ${SEED}, run ${run}, after step ${index} (${steps.slice(0, index).join(" ")})`).toBe(
          recorded.seq,
        );
        expect(past.asOf).toBe(recorded.instant);
        expect(past.snapshot, `seed ${SEED}, run ${run}, after step ${index}`).toEqual(recorded.snapshot);
        // At the very millisecond of the step's last op: an op at the instant counts as before it.
        const lastOp = await app.db.op.findUnique({
          where: { boardId_seq: { boardId: board.id, seq: recorded.seq } },
          select: { createdAt: true },
        });
        if (!lastOp || recorded.seq === 0) continue;
        const atOp = await asOfBody(board.slug, lastOp.createdAt.toISOString());
        expect(atOp.seq, `seed ${SEED}, run ${run}, at op ${recorded.seq}`).toBe(recorded.seq);
      }
    }
  }, 120_000);

  it("refuses a malformed, a missing or a future instant, and writes nothing", async () => {
    const board = await newBoard("As of refusals");
    const checkpoints = () => app.db.boardCheckpoint.count({ where: { boardId: board.id } });
    const before = await checkpoints();
    for (const instant of ["yesterday", "2022-13-01T00:00:00Z", new Date(Date.now() + 3_600_000).toISOString()]) {
      const response = await asOf(board.slug, instant);
      expect(response.status, instant).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("VALIDATION");
    }
    const missing = await fetch(`${app.url}/api/boards/${board.slug}/snapshot`, { headers: { cookie: ownerCookie } });
    expect(missing.status).toBe(400);
    expect(await checkpoints()).toBe(before);
  });

  it("answers the empty board, as board:join gave it at creation, for an instant before the board existed", async () => {
    const board = await newBoard("As of before");
    const created = await liveSnapshot(board.id);
    await socket.emitWithAck("event:create", {
      id: randomUUID(),
      boardId: board.id,
      title: "Convoy",
      occurredAt: "2022-01-10T09:00:00Z",
      category: "military",
    });
    const past = await asOfBody(board.slug, "2001-01-01T00:00:00Z");
    expect(past.seq).toBe(0);
    expect(past.snapshot).toEqual(created.snapshot);
    expect(past.snapshot.members.map((member) => member.userId)).toEqual([owner.id]);
  });

  it("is NOT_FOUND for a board the caller is not on, whatever the instant", async () => {
    const board = await newBoard("As of strangers");
    for (const instant of [new Date().toISOString(), "not an instant"]) {
      const response = await asOf(board.slug, instant, strangerCookie);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
    }
  });

  it("replays from the import's checkpoint: the ops before it are not needed", async () => {
    const board = await newBoard("As of import");
    const indicatorId = randomUUID();
    await socket.emitWithAck("indicator:create", { id: indicatorId, boardId: board.id, name: "Tanks", unit: "tanks" });
    await socket.emitWithAck("annotation:create", {
      id: randomUUID(),
      boardId: board.id,
      target: { type: "indicator", indicatorId, at: "2022-01-09T00:00:00.000Z" },
      body: "Watch the tanks",
    });
    const csv =
      "indicator,observed_at,value,grade,source,note\nTanks,2022-01-09T00:00:00Z,40,,,\nTanks,2022-01-10T00:00:00Z,55,,,";
    await importObservationsCsv({ domain: app.domain, actor: owner, slug: board.slug, csv });
    const importOp = await app.db.op.findFirstOrThrow({
      where: { boardId: board.id, type: "observations.imported" },
      select: { seq: true },
    });
    const checkpoint = await app.db.boardCheckpoint.findUniqueOrThrow({
      where: { boardId_seq: { boardId: board.id, seq: importOp.seq } },
      select: { origin: true },
    });
    expect(checkpoint.origin).toBe("import");
    const records: Recorded[] = [];
    await record(board.id, records);
    await socket.emitWithAck("observation:create", {
      id: randomUUID(),
      boardId: board.id,
      indicatorId,
      observedAt: "2022-01-11T00:00:00Z",
      value: 70,
    });
    await record(board.id, records);
    // Without the log before the import (the genesis checkpoint kept), only a replay that starts at the
    // nearest checkpoint, the import's, can answer.
    await app.db.op.deleteMany({ where: { boardId: board.id, seq: { lt: importOp.seq } } });
    for (const recorded of records) {
      const past = await asOfBody(board.slug, recorded.instant);
      expect(past.seq).toBe(recorded.seq);
      expect(past.snapshot).toEqual(recorded.snapshot);
      expect(past.snapshot.indicators[0]?.observations.map((observation) => observation.value)).toContain(55);
    }
  });

  it(`leaves a periodic checkpoint after ${CHECKPOINT_EVERY} ops, and later replays start there`, async () => {
    const board = await newBoard("As of periodic");
    await Promise.all(
      Array.from({ length: CHECKPOINT_EVERY + 5 }, (_, index) =>
        socket.emitWithAck("annotation:create", {
          id: randomUUID(),
          boardId: board.id,
          target: { type: "board" },
          body: `Note ${index}`,
        }),
      ),
    );
    const records: Recorded[] = [];
    await record(board.id, records);
    await asOfBody(board.slug, records[0]?.instant as string);
    // Written by the background checkpointer at seq 1000 or, if that was not there yet, by the read.
    const periodic = await app.db.boardCheckpoint.findFirstOrThrow({
      where: { boardId: board.id, origin: "periodic", seq: { gte: CHECKPOINT_EVERY } },
      select: { seq: true },
      orderBy: { seq: "asc" },
    });
    await socket.emitWithAck("annotation:create", {
      id: randomUUID(),
      boardId: board.id,
      target: { type: "board" },
      body: "After the checkpoint",
    });
    await record(board.id, records);
    await app.db.op.deleteMany({ where: { boardId: board.id, seq: { lte: periodic.seq } } });
    const past = await asOfBody(board.slug, records[1]?.instant as string);
    expect(past.seq).toBe(records[1]?.seq);
    // Notes of one group commit share a time: the live snapshot and the replay both order them by id.
    expect(past.snapshot).toEqual(records[1]?.snapshot);
  }, 60_000);

  it("times a note's op by the clock at its insert, after the ops before it, whatever the batch's stamp", async () => {
    const board = await newBoard("As of op times");
    await socket.emitWithAck("event:create", {
      id: randomUUID(),
      boardId: board.id,
      title: "Convoy",
      occurredAt: "2022-01-10T09:00:00Z",
      category: "military",
    });
    // A batch stamped long before (a stamp taken before the board row's lock is older than the ops
    // committed while it waited): the op must still come after them in time.
    const stamp = new Date("2020-01-01T00:00:00Z");
    const note = newAnnotation({
      create: { id: randomUUID(), boardId: board.id, target: { type: "board" }, body: "Late", kind: "note", tags: [] },
      author: { id: owner.id, name: owner.name },
      mentioned: [],
      createdAt: stamp,
    });
    const [op] = await insertAnnotationBatch(app.db, board.id, [note], stamp);
    const ops = await app.db.op.findMany({ where: { boardId: board.id }, orderBy: { seq: "asc" } });
    const times = ops.map((row) => row.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(op?.at).toBe(ops.at(-1)?.createdAt.toISOString());
    expect(op?.data.createdAt).toBe(stamp.toISOString());
  });

  it("gives the ops of one change one time, so no instant shows half of it", async () => {
    const board = await newBoard("As of one change");
    // Enough ops that their insert spans several milliseconds of the clock each row takes.
    const ops = Array.from({ length: 3000 }, () => ({
      type: "view.deleted" as const,
      entityId: randomUUID(),
      actorId: owner.id,
      data: { id: randomUUID() },
    }));
    const appended = await app.db.$transaction((tx) => appendOps(tx, board.id, ops));
    const rows = await app.db.op.findMany({ where: { boardId: board.id }, orderBy: { seq: "asc" } });
    const times = new Set(rows.map((row) => row.createdAt.toISOString()));
    expect([...times]).toEqual([appended[0]?.at]);
    expect(new Set(appended.map((op) => op.at))).toEqual(times);
    expect((await asOfBody(board.slug, appended[0]?.at as string)).seq).toBe(3000);
  });

  it("stamps op times in UTC whatever the session's time zone", async () => {
    const board = await newBoard("As of in another zone");
    const before = Date.now();
    const [op] = await app.db.$transaction(async (tx) => {
      // 14 hours ahead of UTC: a time taken in the session's zone would be that far off.
      await tx.$executeRawUnsafe("SET LOCAL timezone = 'Pacific/Kiritimati'");
      return appendOps(tx, board.id, [
        { type: "view.deleted", entityId: randomUUID(), actorId: owner.id, data: { id: randomUUID() } },
      ]);
    });
    const at = new Date(op?.at as string).getTime();
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it("follows the members: added, their role changed, removed, each instant as board:join gave it", async () => {
    const board = await newBoard("Members come and go");
    const colleague = await makeAnalyst(app, { name: "Mila Member" });
    const records: Recorded[] = [];
    await record(board.id, records);
    await inviteMember({
      domain: app.domain,
      actor: owner,
      slug: board.slug,
      input: { email: colleague.email, role: "viewer" },
    });
    await record(board.id, records);
    await updateMember({
      domain: app.domain,
      actor: owner,
      slug: board.slug,
      userId: colleague.id,
      input: { role: "editor" },
    });
    await record(board.id, records);
    await removeMember({ domain: app.domain, actor: owner, slug: board.slug, userId: colleague.id });
    await record(board.id, records);
    expect(records.map((recorded) => recorded.snapshot.members.length)).toEqual([1, 2, 2, 1]);
    for (const recorded of records) {
      const past = await asOfBody(board.slug, recorded.instant);
      expect(past.seq).toBe(recorded.seq);
      expect(past.snapshot).toEqual(recorded.snapshot);
    }
  });

  it("follows a source's revision and the passages it moves or orphans, each instant as board:join gave it", async () => {
    const board = await newBoard("Revised reports");
    const text = "Sitrep 14. Convoy of forty vehicles near Yelnya. Bridge closed at noon.";
    const sourceId = randomUUID();
    const created = await socket.emitWithAck("source:create", {
      id: sourceId,
      boardId: board.id,
      title: "Sitrep",
      text,
    });
    expect(created.ok).toBe(true);
    const records: Recorded[] = [];
    for (const exact of ["Convoy of forty vehicles", "Bridge closed at noon"]) {
      const start = text.indexOf(exact);
      const note = await socket.emitWithAck("annotation:create", {
        id: randomUUID(),
        boardId: board.id,
        target: { type: "source-span", sourceId, version: 1, start, end: start + exact.length, exact },
        body: `On ${exact}`,
      });
      expect(note.ok).toBe(true);
    }
    await record(board.id, records);
    const revised = await socket.emitWithAck("source:revise", {
      boardId: board.id,
      id: sourceId,
      text: "Sitrep 14, corrected. Earlier: a convoy of forty vehicles near Yelnya. The bridge reopened.",
      basedOnVersion: 1,
    });
    expect(revised.ok).toBe(true);
    await record(board.id, records);
    // The revision moved the passages' anchors (or orphaned them), not only the source's version.
    const anchors = (recorded?: Recorded) => recorded?.snapshot.annotations.map((note) => JSON.stringify(note.anchor));
    expect(anchors(records[1])).not.toEqual(anchors(records[0]));
    for (const recorded of records) {
      const past = await asOfBody(board.slug, recorded.instant);
      expect(past.seq).toBe(recorded.seq);
      expect(past.snapshot).toEqual(recorded.snapshot);
    }
  });

  it("takes a baseline for a board older than checkpoints, and refuses an instant before it", async () => {
    const board = await makeBoard(app, [[owner, "owner"]]);
    const beforeOp = await instantAfterAck();
    await untilPast(Date.parse(beforeOp) + 1);
    await socket.emitWithAck("event:update", { id: board.eventId, boardId: board.id, title: "Talks resumed" });
    const records: Recorded[] = [];
    await record(board.id, records);
    const now = await asOfBody(board.slug, records[0]?.instant as string);
    expect(now.snapshot).toEqual(records[0]?.snapshot);
    const baseline = await app.db.boardCheckpoint.findMany({ where: { boardId: board.id }, select: { origin: true } });
    expect(baseline).toEqual([{ origin: "baseline" }]);
    const refused = await asOf(board.slug, beforeOp);
    expect(refused.status).toBe(400);
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toMatch(/history before .* was not kept/);
  });
});
