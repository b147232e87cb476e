// Checks a batch of new annotations' targets (and threads) against the board with one query per kind
// of target, instead of one query per annotation.
import type { TAnnotationCreate } from "@/lib/schemas/annotation";
import type { Database } from "../db/client";
import { AppError } from "../errors";

type IdPicker = (input: TAnnotationCreate) => string | undefined;

const eventOf: IdPicker = (input) => (input.target.type === "event" ? input.target.eventId : undefined);
const indicatorOf: IdPicker = (input) =>
  input.target.type === "indicator" || input.target.type === "indicator-range" ? input.target.indicatorId : undefined;
const observationOf: IdPicker = (input) =>
  input.target.type === "observation" ? input.target.observationId : undefined;
const parentOf: IdPicker = (input) => input.parentId ?? undefined;

/** For each input (by index) whose target or thread is not on the board, the VALIDATION error it answers. */
export async function findTargetProblems(
  db: Database,
  boardId: string,
  inputs: TAnnotationCreate[],
): Promise<Map<number, AppError>> {
  const select = { id: true } as const;
  const [events, indicators, observations, threads] = await Promise.all([
    existing(inputs, eventOf, (ids) => db.event.findMany({ where: { id: { in: ids }, boardId }, select })),
    existing(inputs, indicatorOf, (ids) => db.indicator.findMany({ where: { id: { in: ids }, boardId }, select })),
    existing(inputs, observationOf, (ids) =>
      db.observation.findMany({ where: { id: { in: ids }, indicator: { boardId } }, select }),
    ),
    // Threads are one level deep: a reply goes to the thread's top annotation.
    existing(inputs, parentOf, (ids) =>
      db.annotation.findMany({ where: { id: { in: ids }, boardId, deletedAt: null, parentId: null }, select }),
    ),
  ]);
  const checks: [IdPicker, Set<string>, string, string[]][] = [
    [eventOf, events, "event", ["target", "eventId"]],
    [indicatorOf, indicators, "indicator", ["target", "indicatorId"]],
    [observationOf, observations, "observation", ["target", "observationId"]],
    [parentOf, threads, "thread being replied to", ["parentId"]],
  ];
  const problems = new Map<number, AppError>();
  inputs.forEach((input, index) => {
    const failed = checks.find(([pick, found]) => {
      const id = pick(input);
      return id !== undefined && !found.has(id);
    });
    if (!failed) return;
    const [, , what, path] = failed;
    problems.set(
      index,
      new AppError("VALIDATION", `The ${what} is not on this board`, [
        { path, message: `no such ${what} on this board` },
      ]),
    );
  });
  return problems;
}

/** The ids among those the inputs name that exist on the board; no query when none is named. */
async function existing(
  inputs: TAnnotationCreate[],
  pick: IdPicker,
  read: (ids: string[]) => Promise<{ id: string }[]>,
): Promise<Set<string>> {
  const ids = [...new Set(inputs.map(pick).filter((id): id is string => id !== undefined))];
  if (!ids.length) return new Set();
  return new Set((await read(ids)).map((row) => row.id));
}
