// Which targets of an import are not this board's: annotation:create's rule, checked for the whole
// import with one query per kind of target.
import type { TAnnotationTarget } from "@/lib/schemas/annotation";
import type { TransactionClient } from "../db/transaction";

/** For each target in order: null when it is on the board, else what is missing ("event", …). */
export async function findForeignTargets(
  tx: TransactionClient,
  boardId: string,
  targets: TAnnotationTarget[],
): Promise<(string | null)[]> {
  const idsOf = (type: string) => targets.flatMap((target) => (target.type === type ? [referencedId(target)] : []));
  const [events, indicators, observations] = [
    await tx.event.findMany({ where: { boardId, id: { in: idsOf("event") } }, select: { id: true } }),
    await tx.indicator.findMany({
      where: { boardId, id: { in: [...idsOf("indicator"), ...idsOf("indicator-range")] } },
      select: { id: true },
    }),
    await tx.observation.findMany({
      where: { indicator: { boardId }, id: { in: idsOf("observation") } },
      select: { id: true },
    }),
  ];
  const found = new Set([...events, ...indicators, ...observations].map((row) => row.id));
  return targets.map((target) => {
    if (target.type === "board" || found.has(referencedId(target))) return null;
    return target.type === "indicator-range" ? "indicator" : target.type;
  });
}

function referencedId(target: TAnnotationTarget): string {
  switch (target.type) {
    case "board":
      return "";
    case "event":
      return target.eventId;
    case "indicator":
    case "indicator-range":
      return target.indicatorId;
    case "observation":
      return target.observationId;
  }
}
