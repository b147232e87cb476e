// source:revise — an analyst saves edited text as the next version of a source's document.
import { type SourceReviseAnswer, ZSourceRevise } from "@/lib/schemas/document";
import type { Actor } from "../actor";
import type { BaseDomain } from "../base-domain";
import { parseInput } from "../errors";
import { saveSourceVersion } from "./save-source-version";

export async function reviseSource(options: {
  domain: BaseDomain;
  actor: Actor;
  input: unknown;
}): Promise<SourceReviseAnswer> {
  const { boardId, id, text, basedOnVersion } = parseInput(ZSourceRevise, options.input);
  return saveSourceVersion({
    domain: options.domain,
    actor: options.actor,
    revision: { boardId, id, text, basedOnVersion, pageStarts: [], format: "text" },
  });
}
