// What a kind does beyond storing its row when one is created, by kind. Only figures have something:
// one that crosses its indicator's warning threshold writes a warning annotation in the same
// transaction (its op logged after the figure's) and alerts the board after commit.
import type { ContentKindName } from "@/lib/content/content-kinds";
import type { WireWarning } from "@/lib/events";
import type { Domain } from "../domain";
import type { CreateFollowUp } from "./content-services";
import { writeThresholdWarning } from "./threshold-warning";

type Extras = { observation: { warning: WireWarning | null } };
/** What a kind's create answers besides `{<kind>, seq}`. */
export type CreateExtra<K extends ContentKindName> = K extends keyof Extras ? Extras[K] : unknown;

export const CREATE_FOLLOW_UPS: {
  [K in ContentKindName]?: (domain: Domain) => CreateFollowUp<K, Extras[K & keyof Extras]>;
} = {
  observation: (domain) => ({
    replayed: { warning: null },
    async inTransaction(tx, figure, actor) {
      const observation = await tx.observation.findUniqueOrThrow({ where: { id: figure.id } });
      const indicator = await tx.indicator.findUniqueOrThrow({ where: { id: figure.indicatorId } });
      const source = figure.sourceId
        ? await tx.source.findUnique({ where: { id: figure.sourceId }, select: { title: true } })
        : null;
      const raised = await writeThresholdWarning(tx, {
        boardId: indicator.boardId,
        enteredBy: actor,
        indicator,
        observation,
        sourceTitle: source?.title ?? null,
      });
      return { changes: raised ? [raised.change] : [], extra: { warning: raised?.warning ?? null } };
    },
    afterCommit: ({ warning }) => {
      if (warning) domain.effects.alert(warning);
    },
  }),
};
