// Does a new figure cross its indicator's warning threshold? Crossing means this figure is beyond the
// threshold while the figure before it in time was not (or there was none): a series that stays above
// the line warns once, when it gets there, not at every figure. A crossing writes one automatic warning
// annotation through the one annotation writer and alerts the board.
import type { WireWarning } from "@/lib/events";
import { assertTargetsOnBoard } from "../annotations/find-target-problems";
import { insertAnnotations } from "../annotations/insert-annotation-batch";
import { newAnnotation } from "../annotations/new-annotation";
import type { Indicator, Observation } from "../db/generated/client";
import type { TransactionClient } from "../db/transaction";
import type { NewOp } from "../ops/append-op";
import { toWireObservation } from "./to-wire";

export type Crossing = { direction: "above" | "below"; threshold: number };

export function thresholdCrossing(
  indicator: Indicator,
  observation: Observation,
  previous: Observation | null,
): Crossing | null {
  const { warnAbove, warnBelow } = indicator;
  if (warnAbove !== null && observation.value > warnAbove && (!previous || previous.value <= warnAbove)) {
    return { direction: "above", threshold: warnAbove };
  }
  if (warnBelow !== null && observation.value < warnBelow && (!previous || previous.value >= warnBelow)) {
    return { direction: "below", threshold: warnBelow };
  }
  return null;
}

export function warningText(options: {
  indicator: Indicator;
  observation: Observation;
  crossing: Crossing;
  sourceTitle: string | null;
}): string {
  const { indicator, observation, crossing, sourceTitle } = options;
  const grade = `${observation.sourceReliability ?? "?"}${observation.infoCredibility ?? "?"}`;
  const figure = new Intl.NumberFormat("en-GB").format(observation.value);
  const limit = new Intl.NumberFormat("en-GB").format(crossing.threshold);
  return [
    `${indicator.name}: ${figure} ${indicator.unit} is ${crossing.direction} the warning level of ${limit}.`,
    `Source: ${sourceTitle ?? "not given"}; grade ${grade}.`,
    "Raised automatically when the figure was entered.",
  ].join(" ");
}

/**
 * When a new figure crosses its indicator's threshold, writes the warning annotation (by the analyst who
 * entered the figure, marked automatic) inside the figure's transaction; answers its annotation.created
 * change, for the caller to log after the figure's own op, and the alert to send after commit.
 */
export async function writeThresholdWarning(
  tx: TransactionClient,
  options: {
    boardId: string;
    enteredBy: { id: string; name: string };
    indicator: Indicator;
    observation: Observation;
    sourceTitle: string | null;
  },
): Promise<{ change: NewOp<"annotation.created">; warning: WireWarning } | null> {
  const { boardId, indicator, observation, sourceTitle } = options;
  const previous = await tx.observation.findFirst({
    where: { indicatorId: indicator.id, observedAt: { lt: observation.observedAt }, id: { not: observation.id } },
    orderBy: { observedAt: "desc" },
  });
  const crossing = thresholdCrossing(indicator, observation, previous);
  if (!crossing) return null;

  const target = { type: "observation", observationId: observation.id } as const;
  await assertTargetsOnBoard(tx, boardId, [target]);
  // The name as stored, so the op carries what a later read of the annotation answers.
  const author = await tx.user.findUniqueOrThrow({
    where: { id: options.enteredBy.id },
    select: { id: true, name: true },
  });
  const warningAnnotation = newAnnotation({
    create: {
      id: crypto.randomUUID(),
      boardId,
      target,
      body: warningText({ indicator, observation, crossing, sourceTitle }),
      kind: "warning",
      tags: ["threshold"],
    },
    author,
    // Generated text names no one (a source title may hold an "@", which is not a colleague's name).
    mentioned: [],
    createdAt: new Date(),
    automatic: true,
  });
  const [change] = await insertAnnotations(tx, boardId, [warningAnnotation]);
  if (!change) throw new Error("The warning annotation was not written");
  const warning: WireWarning = {
    boardId,
    indicatorId: indicator.id,
    indicatorName: indicator.name,
    unit: indicator.unit,
    observation: toWireObservation(observation),
    threshold: crossing.threshold,
    direction: crossing.direction,
    sourceTitle,
    enteredBy: { id: options.enteredBy.id, name: options.enteredBy.name },
    annotationId: warningAnnotation.annotation.id,
  };
  return { change, warning };
}
