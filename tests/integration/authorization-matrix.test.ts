// Every role (and non-member, and signed-out) × every action, over HTTP and the socket, on the actor's
// own board and on another board — all generated from one table. A policy action without rows here,
// or a policy change without a change to EXPECTED, fails the test.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorCode } from "@/lib/errors";
import { BOARD_ACTIONS, type BoardAction } from "@/lib/permissions";
import type { BoardRole } from "@/lib/schemas/board";
import {
  connectSocket,
  makeAnalyst,
  signIn,
  type TestAnalyst,
  type TestSocket,
  waitForConnect,
} from "../support/factories";
import { connectedSocket, openTestApp, type TestApp } from "../support/open-test-app";

/** The specification, written out by hand: who may do each action. */
const EXPECTED: Record<BoardAction, BoardRole[]> = {
  "board.read": ["owner", "editor", "commenter", "viewer"],
  "board.update": ["owner"],
  "board.archive": ["owner"],
  "board.delete": ["owner"],
  "member.manage": ["owner"],
  "annotation.create": ["owner", "editor", "commenter"],
  "annotation.edit-own": ["owner", "editor", "commenter"],
  "annotation.delete-any": ["owner", "editor"],
  "annotation.resolve": ["owner", "editor", "commenter"],
  "content.write": ["owner", "editor"],
};

type Actor = BoardRole | "non-member" | "signed-out";
const ROLES: BoardRole[] = ["owner", "editor", "commenter", "viewer"];
const ACTORS: Actor[] = [...ROLES, "non-member", "signed-out"];

/** A fresh board per case: one member per role, a member to act on, a pending invitation, annotations. */
type Fixture = {
  boardId: string;
  slug: string;
  ownAnnotationOf: Record<BoardRole, string>;
  othersAnnotation: string;
  /** Soft-deleted annotations, to restore: each role's own, and another author's. */
  ownDeletedOf: Record<BoardRole, string>;
  othersDeleted: string;
  resolvedThread: string;
  targetUserId: string;
  eventId: string;
  sourceId: string;
  indicatorId: string;
  observationId: string;
};

/** What a case returns: "ok", or the error code it got. */
type Outcome = "ok" | ErrorCode;
type Performer =
  | { http: (cookie: string | undefined) => Promise<Outcome> }
  | { socket: (socket: TestSocket) => Promise<Outcome> };
type Row = { name: string; action: BoardAction; perform: (fixture: Fixture, actor: Actor) => Performer };

let app: TestApp;
const analysts = {} as Record<BoardRole | "non-member" | "target" | "author", TestAnalyst>;
const cookies = {} as Record<BoardRole | "non-member", string>;
const sockets = {} as Record<BoardRole | "non-member", TestSocket>;

async function http(method: string, path: string, cookie: string | undefined, body?: unknown): Promise<Outcome> {
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(body ? { "content-type": "application/json" } : {}),
      origin: app.url,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (response.ok) return "ok";
  return ((await response.json()) as { error: { code: ErrorCode } }).error.code;
}

async function ack(promise: Promise<{ ok: boolean; error?: { code: ErrorCode } }>): Promise<Outcome> {
  const result = await promise;
  return result.ok ? "ok" : (result.error?.code ?? "INTERNAL");
}

const ROWS: Row[] = [
  {
    name: "GET /api/boards/:slug",
    action: "board.read",
    perform: (f) => ({ http: (c) => http("GET", `/api/boards/${f.slug}`, c) }),
  },
  {
    name: "GET /api/boards/:slug/annotations",
    action: "board.read",
    perform: (f) => ({ http: (c) => http("GET", `/api/boards/${f.slug}/annotations`, c) }),
  },
  {
    name: "GET /api/boards/:slug/members",
    action: "board.read",
    perform: (f) => ({ http: (c) => http("GET", `/api/boards/${f.slug}/members`, c) }),
  },
  {
    name: "board:join",
    action: "board.read",
    perform: (f) => ({ socket: (s) => ack(s.emitWithAck("board:join", { boardId: f.boardId })) }),
  },
  {
    name: "PATCH /api/boards/:slug {title, handling}",
    action: "board.update",
    perform: (f) => ({
      http: (c) => http("PATCH", `/api/boards/${f.slug}`, c, { title: "Renamed", handling: "UNCLASSIFIED" }),
    }),
  },
  {
    name: "PATCH /api/boards/:slug {archived}",
    action: "board.archive",
    perform: (f) => ({ http: (c) => http("PATCH", `/api/boards/${f.slug}`, c, { archived: true }) }),
  },
  {
    name: "DELETE /api/boards/:slug",
    action: "board.delete",
    perform: (f) => ({ http: (c) => http("DELETE", `/api/boards/${f.slug}`, c) }),
  },
  {
    name: "POST /api/boards/:slug/members",
    action: "member.manage",
    perform: (f) => ({
      http: (c) =>
        http("POST", `/api/boards/${f.slug}/members`, c, { email: `new-${randomUUID()}@x.test`, role: "viewer" }),
    }),
  },
  {
    name: "PATCH /api/boards/:slug/members/:userId",
    action: "member.manage",
    perform: (f) => ({
      http: (c) => http("PATCH", `/api/boards/${f.slug}/members/${f.targetUserId}`, c, { role: "viewer" }),
    }),
  },
  {
    name: "DELETE /api/boards/:slug/members/:userId",
    action: "member.manage",
    perform: (f) => ({ http: (c) => http("DELETE", `/api/boards/${f.slug}/members/${f.targetUserId}`, c) }),
  },
  {
    name: "DELETE /api/boards/:slug/invitations/:email",
    action: "member.manage",
    perform: (f) => ({
      http: (c) => http("DELETE", `/api/boards/${f.slug}/invitations/${encodeURIComponent("pending@x.test")}`, c),
    }),
  },
  {
    name: "annotation:create",
    action: "annotation.create",
    perform: (f) => ({
      socket: (s) =>
        ack(
          s.emitWithAck("annotation:create", {
            id: randomUUID(),
            boardId: f.boardId,
            target: { type: "board" },
            body: "Noted.",
          }),
        ),
    }),
  },
  {
    name: "annotation:update (own)",
    action: "annotation.edit-own",
    perform: (f, actor) => ({
      socket: (s) =>
        ack(
          s.emitWithAck("annotation:update", {
            id: ownAnnotation(f, actor),
            boardId: f.boardId,
            expectedVersion: 1,
            body: "Edited.",
          }),
        ),
    }),
  },
  {
    name: "annotation:delete (own)",
    action: "annotation.edit-own",
    perform: (f, actor) => ({
      socket: (s) => ack(s.emitWithAck("annotation:delete", { id: ownAnnotation(f, actor), boardId: f.boardId })),
    }),
  },
  {
    name: "annotation:restore (own)",
    action: "annotation.edit-own",
    perform: (f, actor) => ({
      socket: (s) => ack(s.emitWithAck("annotation:restore", { id: ownDeleted(f, actor), boardId: f.boardId })),
    }),
  },
  {
    name: "annotation:restore (someone else's)",
    action: "annotation.delete-any",
    perform: (f) => ({
      socket: (s) => ack(s.emitWithAck("annotation:restore", { id: f.othersDeleted, boardId: f.boardId })),
    }),
  },
  {
    name: "annotation:resolve",
    action: "annotation.resolve",
    perform: (f) => ({
      socket: (s) => ack(s.emitWithAck("annotation:resolve", { id: f.othersAnnotation, boardId: f.boardId })),
    }),
  },
  {
    name: "annotation:reopen",
    action: "annotation.resolve",
    perform: (f) => ({
      socket: (s) => ack(s.emitWithAck("annotation:reopen", { id: f.resolvedThread, boardId: f.boardId })),
    }),
  },
  {
    name: "GET /api/boards/:slug/mentions",
    action: "board.read",
    perform: (f) => ({ http: (c) => http("GET", `/api/boards/${f.slug}/mentions`, c) }),
  },
  {
    name: "POST /api/boards/:slug/mentions/read",
    action: "board.read",
    perform: (f) => ({ http: (c) => http("POST", `/api/boards/${f.slug}/mentions/read`, c, {}) }),
  },
  {
    name: "GET /api/boards/:slug/activity",
    action: "board.read",
    perform: (f) => ({ http: (c) => http("GET", `/api/boards/${f.slug}/activity`, c) }),
  },
  {
    name: "presence:update (after joining)",
    action: "board.read",
    perform: (f) => ({
      socket: async (s) => {
        await s.emitWithAck("board:join", { boardId: f.boardId });
        return ack(s.emitWithAck("presence:update", { boardId: f.boardId, focus: null, typingIn: null }));
      },
    }),
  },
  ...contentRows(),
  {
    name: "annotation:history",
    action: "board.read",
    perform: (f) => ({
      socket: (s) => ack(s.emitWithAck("annotation:history", { id: f.othersAnnotation, boardId: f.boardId })),
    }),
  },
  {
    name: "annotation:delete (someone else's)",
    action: "annotation.delete-any",
    perform: (f) => ({
      socket: (s) => ack(s.emitWithAck("annotation:delete", { id: f.othersAnnotation, boardId: f.boardId })),
    }),
  },
];

/** Every write to the board's facts (content.write), and reading an observation's history. */
function contentRows(): Row[] {
  const write = (name: string, event: string, payload: (f: Fixture) => Record<string, unknown>): Row => ({
    name,
    action: "content.write",
    perform: (f) => ({
      socket: (s) => ack((s.emitWithAck as (...args: unknown[]) => Promise<never>)(event, payload(f))),
    }),
  });
  const at = "2022-01-11T00:00:00Z";
  return [
    write("event:create", "event:create", (f) => ({
      id: randomUUID(),
      boardId: f.boardId,
      title: "Talks",
      occurredAt: at,
      category: "diplomatic",
    })),
    write("event:update", "event:update", (f) => ({ id: f.eventId, boardId: f.boardId, title: "Talks, day two" })),
    write("event:delete", "event:delete", (f) => ({ id: f.eventId, boardId: f.boardId })),
    write("source:create", "source:create", (f) => ({ id: randomUUID(), boardId: f.boardId, title: "Readout" })),
    write("source:update", "source:update", (f) => ({ id: f.sourceId, boardId: f.boardId, reliability: "B" })),
    write("source:delete", "source:delete", (f) => ({ id: f.sourceId, boardId: f.boardId })),
    write("indicator:create", "indicator:create", (f) => ({
      id: randomUUID(),
      boardId: f.boardId,
      name: "Flights",
      unit: "sorties",
    })),
    write("indicator:update", "indicator:update", (f) => ({ id: f.indicatorId, boardId: f.boardId, warnAbove: 10 })),
    write("indicator:delete", "indicator:delete", (f) => ({ id: f.indicatorId, boardId: f.boardId })),
    write("observation:create", "observation:create", (f) => ({
      id: randomUUID(),
      boardId: f.boardId,
      indicatorId: f.indicatorId,
      observedAt: at,
      value: 3,
    })),
    write("observation:update", "observation:update", (f) => ({ id: f.observationId, boardId: f.boardId, value: 4 })),
    write("observation:delete", "observation:delete", (f) => ({ id: f.observationId, boardId: f.boardId })),
    {
      name: "observation:history",
      action: "board.read",
      perform: (f) => ({
        socket: (s) => ack(s.emitWithAck("observation:history", { id: f.observationId, boardId: f.boardId })),
      }),
    },
  ];
}

/** Non-members and the signed-out have no annotation of their own; any id of the board stands in. */
function ownAnnotation(fixture: Fixture, actor: Actor): string {
  return actor in fixture.ownAnnotationOf ? fixture.ownAnnotationOf[actor as BoardRole] : fixture.othersAnnotation;
}

function ownDeleted(fixture: Fixture, actor: Actor): string {
  return actor in fixture.ownDeletedOf ? fixture.ownDeletedOf[actor as BoardRole] : fixture.othersDeleted;
}

async function makeFixture(): Promise<Fixture> {
  const boardId = randomUUID();
  const slug = `matrix-${boardId.slice(0, 8)}`;
  const ownAnnotationOf = Object.fromEntries(ROLES.map((role) => [role, randomUUID()])) as Record<BoardRole, string>;
  const othersAnnotation = randomUUID();
  const ownDeletedOf = Object.fromEntries(ROLES.map((role) => [role, randomUUID()])) as Record<BoardRole, string>;
  const othersDeleted = randomUUID();
  const resolvedThread = randomUUID();
  const [eventId, sourceId, indicatorId, observationId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  await app.db.board.create({
    data: {
      id: boardId,
      slug,
      title: "Matrix board",
      memberships: {
        create: [
          ...ROLES.map((role) => ({ userId: analysts[role].id, role })),
          { userId: analysts.target.id, role: "editor" as const },
          { userId: analysts.author.id, role: "editor" as const },
        ],
      },
      invitations: { create: { email: "pending@x.test", role: "viewer" } },
      events: {
        create: { id: eventId, title: "Geneva", occurredAt: new Date("2022-01-10T09:00:00Z"), category: "diplomatic" },
      },
      sources: { create: { id: sourceId, title: "Report" } },
      indicators: {
        create: {
          id: indicatorId,
          name: "Troops",
          unit: "troops",
          observations: { create: { id: observationId, observedAt: new Date("2022-01-08T00:00:00Z"), value: 1 } },
        },
      },
    },
  });
  // The observation's creation is in the op log, as if it had been entered through the app.
  await app.db.op.create({
    data: {
      boardId,
      seq: 1,
      type: "observation.created",
      entityId: observationId,
      payload: {},
      actorId: analysts.owner.id,
    },
  });
  await app.db.board.update({ where: { id: boardId }, data: { lastSeq: 1 } });
  // Each role's own annotation (a viewer's stands for one written before a demotion), and another author's.
  await app.db.annotation.createMany({
    data: [
      ...ROLES.map((role) => ({
        id: ownAnnotationOf[role],
        boardId,
        authorId: analysts[role].id,
        targetType: "board" as const,
        body: `by ${role}`,
      })),
      {
        id: othersAnnotation,
        boardId,
        authorId: analysts.author.id,
        targetType: "board" as const,
        body: "by someone else",
      },
      ...ROLES.map((role) => ({
        id: ownDeletedOf[role],
        boardId,
        authorId: analysts[role].id,
        targetType: "board" as const,
        body: `deleted, by ${role}`,
        deletedAt: new Date(),
      })),
      {
        id: othersDeleted,
        boardId,
        authorId: analysts.author.id,
        targetType: "board" as const,
        body: "deleted",
        deletedAt: new Date(),
      },
      {
        id: resolvedThread,
        boardId,
        authorId: analysts.author.id,
        targetType: "board" as const,
        body: "done",
        resolvedAt: new Date(),
      },
    ],
  });
  return {
    boardId,
    slug,
    ownAnnotationOf,
    othersAnnotation,
    ownDeletedOf,
    othersDeleted,
    resolvedThread,
    targetUserId: analysts.target.id,
    eventId,
    sourceId,
    indicatorId,
    observationId,
  };
}

beforeAll(async () => {
  app = await openTestApp();
  for (const key of [...ROLES, "non-member", "target", "author"] as const) analysts[key] = await makeAnalyst(app);
  for (const key of [...ROLES, "non-member"] as const) {
    cookies[key] = await signIn(app, analysts[key]);
    sockets[key] = await connectedSocket(app, cookies[key]);
  }
});

afterAll(() => app?.stop());

async function run(row: Row, actor: Actor, fixture: Fixture): Promise<Outcome> {
  const performer = row.perform(fixture, actor);
  if ("http" in performer) return performer.http(actor === "signed-out" ? undefined : cookies[actor]);
  if (actor === "signed-out") {
    const socket = connectSocket(app, undefined);
    try {
      await waitForConnect(socket);
      return "ok";
    } catch (error) {
      return (error as Error).message as ErrorCode;
    } finally {
      socket.disconnect();
    }
  }
  return performer.socket(sockets[actor]);
}

function expectedOutcome(action: BoardAction, actor: Actor, onOwnBoard: boolean): Outcome {
  if (actor === "signed-out") return "UNAUTHENTICATED";
  if (actor === "non-member" || !onOwnBoard) return "NOT_FOUND";
  return EXPECTED[action].includes(actor) ? "ok" : "FORBIDDEN";
}

describe("the authorization table", () => {
  it("is the policy the server enforces (lib/permissions.ts)", () => {
    expect(Object.fromEntries(Object.entries(BOARD_ACTIONS).map(([action, roles]) => [action, [...roles]]))).toEqual(
      EXPECTED,
    );
  });

  it("has at least one HTTP or socket path for every action", () => {
    const covered = new Set(ROWS.map((row) => row.action));
    expect(Object.keys(BOARD_ACTIONS).filter((action) => !covered.has(action as BoardAction))).toEqual([]);
  });
});

describe.each(ROWS)("$name ($action)", (row) => {
  it.each(ACTORS)("as %s on the actor's own board", async (actor) => {
    const fixture = await makeFixture();
    expect(await run(row, actor, fixture)).toBe(expectedOutcome(row.action, actor, true));
  });

  it.each(ROLES)("as %s of another board, on a board they are not on", async (role) => {
    const fixture = await makeFixture();
    await app.db.membership.delete({
      where: { boardId_userId: { boardId: fixture.boardId, userId: analysts[role].id } },
    });
    await app.db.board.create({
      data: {
        id: randomUUID(),
        slug: `own-${randomUUID().slice(0, 8)}`,
        title: "Own",
        memberships: { create: { userId: analysts[role].id, role } },
      },
    });
    expect(await run(row, role, fixture)).toBe(expectedOutcome(row.action, role, false));
  });
});
