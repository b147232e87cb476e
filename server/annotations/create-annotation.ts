// annotation:create — validate here, then hand the request to the board's group-commit queue
// (commit-annotation-batch.ts), which authorizes it, writes the annotation and its op in a transaction
// and publishes after the commit. The client-generated id makes a retry return the first result.
import { ZAnnotationCreate } from "@/lib/schemas/annotation";
import type { Actor } from "../actor";
import type { Domain } from "../domain";
import { parseInput } from "../errors";
import type { CreateAnnotationResult } from "./commit-annotation-batch";

export type { CreateAnnotationResult } from "./commit-annotation-batch";

export async function createAnnotation(options: {
  domain: Domain;
  actor: Actor;
  input: unknown;
}): Promise<CreateAnnotationResult> {
  const input = parseInput(ZAnnotationCreate, options.input);
  return options.domain.annotationCreates.submit(input.boardId, { actor: options.actor, input });
}
