// Which new annotations of a batch name a target (or a thread) that is not on the board. The ids are
// read for the whole batch at once (read-batch-facts.ts); this decides per annotation.
import type { TAnnotationCreate } from "@/lib/schemas/annotation";
import { AppError } from "../errors";

export type ExistingTargets = {
  events: Set<string>;
  indicators: Set<string>;
  observations: Set<string>;
  threads: Set<string>;
};

type Kind = keyof ExistingTargets;
type IdPicker = (input: TAnnotationCreate) => string | undefined;

const PICKERS: Record<Kind, IdPicker> = {
  events: (input) => (input.target.type === "event" ? input.target.eventId : undefined),
  indicators: (input) =>
    input.target.type === "indicator" || input.target.type === "indicator-range" ? input.target.indicatorId : undefined,
  observations: (input) => (input.target.type === "observation" ? input.target.observationId : undefined),
  // Threads are one level deep: a reply goes to the thread's top annotation.
  threads: (input) => input.parentId ?? undefined,
};

const WORDING: Record<Kind, [what: string, path: string[]]> = {
  events: ["event", ["target", "eventId"]],
  indicators: ["indicator", ["target", "indicatorId"]],
  observations: ["observation", ["target", "observationId"]],
  threads: ["thread being replied to", ["parentId"]],
};

/** The distinct ids of each kind the inputs name, to look up in one go. */
export function targetIdsOf(inputs: TAnnotationCreate[]): Record<Kind, string[]> {
  const ids = (pick: IdPicker) => [...new Set(inputs.map(pick).filter((id): id is string => id !== undefined))];
  return {
    events: ids(PICKERS.events),
    indicators: ids(PICKERS.indicators),
    observations: ids(PICKERS.observations),
    threads: ids(PICKERS.threads),
  };
}

/** For each input (by index) whose target or thread is not on the board, the VALIDATION error it answers. */
export function findTargetProblems(inputs: TAnnotationCreate[], existing: ExistingTargets): Map<number, AppError> {
  const problems = new Map<number, AppError>();
  inputs.forEach((input, index) => {
    const missing = (Object.keys(PICKERS) as Kind[]).find((kind) => {
      const id = PICKERS[kind](input);
      return id !== undefined && !existing[kind].has(id);
    });
    if (!missing) return;
    const [what, path] = WORDING[missing];
    problems.set(
      index,
      new AppError("VALIDATION", `The ${what} is not on this board`, [
        { path, message: `no such ${what} on this board` },
      ]),
    );
  });
  return problems;
}
