// A test file's own app: a fresh clone of the migrated template database and the real server on it, and
// sockets signed in (and joined to a board) that the app closes when it stops. Kept apart from
// test-app.ts and factories.ts because those are also loaded by the benchmarks, outside vitest.
import type { App } from "@/server/app";
import { createTestDatabase, type TestDatabase } from "./database";
import { connectSocket, signIn, type TestSocket, waitForConnect } from "./factories";
import { startTestApp } from "./test-app";

export type TestApp = App & {
  database: TestDatabase;
  /** Closed by stop(), before the app stops; connectedSocket and joinedSocket add theirs. */
  sockets: TestSocket[];
};

/** Options as for startTestApp, on a database of the file's own. stop() also drops that database. */
export async function openTestApp(
  options: Omit<Parameters<typeof startTestApp>[0], "databaseUrl"> = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  let app: App;
  try {
    app = await startTestApp({ ...options, databaseUrl: database.url });
  } catch (error) {
    await database.drop();
    throw error;
  }
  const sockets: TestSocket[] = [];
  return {
    ...app,
    database,
    sockets,
    stop: async () => {
      for (const socket of sockets) socket.disconnect();
      await app.stop();
      await database.drop();
    },
  };
}

/** Who a socket is: an analyst to sign in afresh, or the cookie of a session a test already holds. */
export type SignedIn = { email: string; password: string } | string;

/**
 * A socket of `who`, connected. `listen` adds listeners before it connects, so nothing the server sends
 * from the first moment is missed.
 */
export async function connectedSocket(
  app: TestApp,
  who: SignedIn,
  listen?: (socket: TestSocket) => void,
): Promise<TestSocket> {
  const socket = connectSocket(app, typeof who === "string" ? who : await signIn(app, who));
  app.sockets.push(socket);
  listen?.(socket);
  await waitForConnect(socket);
  return socket;
}

/** The same, joined to `board`: a refused join fails the setup. */
export async function joinedSocket(
  app: TestApp,
  who: SignedIn,
  board: { id: string },
  listen?: (socket: TestSocket) => void,
): Promise<TestSocket> {
  const socket = await connectedSocket(app, who, listen);
  const joined = await socket.emitWithAck("board:join", { boardId: board.id });
  if (!joined.ok) throw new Error(`board:join was refused: ${joined.error.code} ${joined.error.message}`);
  return socket;
}
