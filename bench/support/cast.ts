// The analysts and the board of a scenario, made in the database through an in-process app that then
// steps aside (as tests/integration/multi-node.test.ts does), and their sessions on the server under test.
import type { BoardRole } from "@/lib/schemas/board";
import { makeAnalyst, makeBoard, type TestAnalyst, type TestBoard } from "../../tests/support/factories";
import { startTestApp } from "../../tests/support/test-app";
import { range } from "./stats";

export type Cast = { board: TestBoard; editors: TestAnalyst[]; viewers: TestAnalyst[] };

export async function prepareCast(databaseUrl: string, counts: { editors: number; viewers: number }): Promise<Cast> {
  const app = await startTestApp({ databaseUrl, seedDemo: false });
  try {
    const editors = await Promise.all(range(counts.editors).map(() => makeAnalyst(app)));
    const viewers = await Promise.all(range(counts.viewers).map(() => makeAnalyst(app)));
    const as =
      (role: BoardRole) =>
      (analyst: TestAnalyst): [TestAnalyst, BoardRole] => [analyst, role];
    const board = await makeBoard(app, [...editors.map(as("editor")), ...viewers.map(as("viewer"))]);
    return { board, editors, viewers };
  } finally {
    await app.stop();
  }
}

/** Signs in over HTTP like the browser does; many sockets may share one analyst's cookie. */
export async function signInAt(url: string, analyst: TestAnalyst): Promise<string> {
  const response = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email: analyst.email, password: analyst.password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}
