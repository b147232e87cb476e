// Saved views (issue 19): a named set of filters, indicators and time range shared on the board.
import type { Actor } from "../actor";
import type { Domain } from "../domain";

export async function deleteView(_options: {
  domain: Domain;
  actor: Actor;
  input: unknown;
}): Promise<{ id: string; seq: number }> {
  throw new Error("deleteView: not built yet (issue 19, in progress)");
}
