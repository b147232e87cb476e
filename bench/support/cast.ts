// The analysts and the board of a scenario (made through an in-process app that steps aside), and their
// sessions on the server under test: the test factories' own helpers.
import { makeCastOnDatabase, signInAt, type TestAnalyst, type TestBoard } from "../../tests/support/factories";

export type Cast = { board: TestBoard; editors: TestAnalyst[]; viewers: TestAnalyst[] };

export function prepareCast(databaseUrl: string, counts: { editors: number; viewers: number }): Promise<Cast> {
  return makeCastOnDatabase(databaseUrl, counts);
}

export { signInAt };
