// Factories with sensible defaults and unique values: analysts, boards, memberships, sessions, sockets.
import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/events";
import { handshakeAuth } from "@/lib/protocol";
import type { TAnnotationCreateInput } from "@/lib/schemas/annotation";
import type { BoardRole } from "@/lib/schemas/board";
import type { Actor } from "@/server/actor";
import type { App } from "@/server/app";
import { createUser } from "@/server/users/create-user";
import { startTestApp } from "./test-app";

export const TEST_PASSWORD = "correct-horse-battery";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export type TestAnalyst = Actor & { password: string };

export async function makeAnalyst(app: App, overrides: { name?: string; email?: string } = {}): Promise<TestAnalyst> {
  const id = unique();
  const input = {
    name: overrides.name ?? `Analyst ${id}`,
    email: overrides.email ?? `analyst-${id}@watchfloor.test`,
    password: TEST_PASSWORD,
  };
  const actor = await createUser({ auth: app.auth, input });
  return { ...actor, password: TEST_PASSWORD };
}

export type TestBoard = {
  id: string;
  slug: string;
  title: string;
  eventId: string;
  indicatorId: string;
  observationId: string;
};

/** A board with one event, one indicator and one observation, and the given members. */
export async function makeBoard(app: App, members: [TestAnalyst, BoardRole][]): Promise<TestBoard> {
  const id = randomUUID();
  const slug = `board-${unique()}`;
  const eventId = randomUUID();
  const indicatorId = randomUUID();
  const observationId = randomUUID();
  await app.db.board.create({
    data: {
      id,
      slug,
      title: `Board ${slug}`,
      memberships: { create: members.map(([analyst, role]) => ({ userId: analyst.id, role })) },
      events: {
        create: {
          id: eventId,
          title: "Talks in Geneva",
          occurredAt: new Date("2022-01-10T09:00:00Z"),
          category: "diplomatic",
        },
      },
      indicators: {
        create: {
          id: indicatorId,
          name: "Troops near the border",
          unit: "troops",
          observations: { create: { id: observationId, observedAt: new Date("2022-01-08T00:00:00Z"), value: 100_000 } },
        },
      },
    },
  });
  return { id, slug, title: `Board ${slug}`, eventId, indicatorId, observationId };
}

/** Signs in over HTTP like the browser does, returning the session cookie header. */
export async function signIn(app: App, analyst: { email: string; password: string }): Promise<string> {
  return signInAt(app.url, analyst);
}

/** The same against any server by URL (a spawned node); many sockets may share one analyst's cookie. */
export async function signInAt(url: string, analyst: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email: analyst.email, password: analyst.password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  return cookies.join("; ");
}

/**
 * Editors and viewers on one new board, made through an in-process app on `databaseUrl` that then
 * steps aside — for tests and benches that run the server as its own process.
 */
export async function makeCastOnDatabase(
  databaseUrl: string,
  counts: { editors: number; viewers: number },
): Promise<{ board: TestBoard; editors: TestAnalyst[]; viewers: TestAnalyst[] }> {
  const app = await startTestApp({ databaseUrl, seedDemo: false });
  try {
    const many = (count: number) => Promise.all(Array.from({ length: count }, () => makeAnalyst(app)));
    const editors = await many(counts.editors);
    const viewers = await many(counts.viewers);
    const board = await makeBoard(app, [
      ...editors.map((analyst): [TestAnalyst, BoardRole] => [analyst, "editor"]),
      ...viewers.map((analyst): [TestAnalyst, BoardRole] => [analyst, "viewer"]),
    ]);
    return { board, editors, viewers };
  } finally {
    await app.stop();
  }
}

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function connectSocket(app: App, cookie: string | undefined): TestSocket {
  return io(app.url, {
    transports: ["websocket"],
    extraHeaders: cookie ? { cookie } : {},
    auth: handshakeAuth(),
    reconnection: false,
    forceNew: true,
  });
}

export function waitForConnect(socket: TestSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
}

export function annotationInput(
  board: TestBoard,
  overrides: Partial<TAnnotationCreateInput> = {},
): TAnnotationCreateInput {
  return {
    id: randomUUID(),
    boardId: board.id,
    target: { type: "board" },
    body: "Watching the talks closely.",
    ...overrides,
  };
}
