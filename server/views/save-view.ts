// Saved views (issue 19): a named set of filters, indicators and time range shared on the board.
import type { WireSavedView } from "@/lib/schemas/shift";
import type { Actor } from "../actor";
import type { Domain } from "../domain";

export async function saveView(_options: {
  domain: Domain;
  actor: Actor;
  input: unknown;
}): Promise<{ view: WireSavedView; seq: number }> {
  throw new Error("saveView: not built yet (issue 19, in progress)");
}
