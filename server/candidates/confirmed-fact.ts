// What a confirmed candidate becomes, one entry per kind of fact (issue 15): a date an event, a figure an
// observation. Each writes its rows through CONTENT_STORAGE, exactly as event:create and
// observation:create do (a figure that crosses its indicator's threshold warns as one entered by hand),
// linked to the candidate's source and graded with the source's reliability and the analyst's
// credibility; and says what its evidence passage is evidence for, in words and as the annotation's link.
import type { z } from "zod";
import type { WireWarning } from "@/lib/events";
import type { WireAnnotation } from "@/lib/schemas/annotation";
import type { CandidateKind, ZCandidateConfirm } from "@/lib/schemas/candidate";
import type { Actor } from "../actor";
import { CONTENT_STORAGE } from "../content/content-kinds";
import { CREATE_FOLLOW_UPS } from "../content/create-follow-ups";
import { notOnBoard } from "../content/replay";
import type { SourceReliability } from "../db/generated/client";
import type { TransactionClient } from "../db/transaction";
import type { Domain } from "../domain";
import { AppError } from "../errors";
import type { BoardChange } from "../ops/commit-board-change";
import { eventEvidenceBody, observationEvidenceBody } from "./evidence-body";

type ConfirmAs = z.output<typeof ZCandidateConfirm>["as"];
type ConfirmedAs<T extends ConfirmAs["type"]> = Extract<ConfirmAs, { type: T }>;

export type ConfirmContext = {
  tx: TransactionClient;
  domain: Domain;
  actor: Actor;
  boardId: string;
  source: { id: string; reliability: SourceReliability | null };
  infoCredibility: number | null;
};

export type ConfirmedFact = {
  /** The fact's ops (and its follow-ups'), to log before the evidence annotation's. */
  changes: BoardChange[];
  evidenceFor: NonNullable<WireAnnotation["evidenceFor"]>;
  evidenceBody: string;
  /** The candidate columns that say what it became. */
  outcome: { eventId: string } | { observationId: string };
  afterCommit?: () => void;
};

/** Which kind of candidate may become which fact: names only suggest an event's place and actors. */
export const BECOMES: Record<CandidateKind, ConfirmAs["type"] | null> = {
  date: "event",
  figure: "observation",
  name: null,
};

const idTaken = () => new AppError("CONFLICT", "Something with this id already exists");

export const CONFIRM_AS: {
  [T in ConfirmAs["type"]]: (context: ConfirmContext, as: ConfirmedAs<T>) => Promise<ConfirmedFact>;
} = {
  async event({ tx, actor, boardId, source, infoCredibility }, { event: fields }) {
    if (await CONTENT_STORAGE.event.find(tx, fields.id)) throw idTaken();
    const event = await CONTENT_STORAGE.event.insert(
      tx,
      { ...fields, boardId, sourceIds: [source.id], sourceReliability: source.reliability, infoCredibility },
      actor,
    );
    return {
      changes: [{ type: "event.created", entityId: event.id, data: event }],
      evidenceFor: { type: "event", eventId: event.id },
      evidenceBody: eventEvidenceBody(event),
      outcome: { eventId: event.id },
    };
  },

  async observation({ tx, domain, actor, boardId, source, infoCredibility }, { observation: fields, newIndicator }) {
    if (await CONTENT_STORAGE.observation.find(tx, fields.id)) throw idTaken();
    const changes: BoardChange[] = [];
    let indicator: { name: string; unit: string };
    if (newIndicator) {
      if (newIndicator.id !== fields.indicatorId)
        throw new AppError("VALIDATION", "The figure goes on the indicator created with it", [
          { path: ["as", "observation", "indicatorId"], message: "not the new indicator's id" },
        ]);
      if (await CONTENT_STORAGE.indicator.find(tx, newIndicator.id)) throw idTaken();
      const created = await CONTENT_STORAGE.indicator.insert(tx, { ...newIndicator, boardId }, actor);
      changes.push({ type: "indicator.created", entityId: created.id, data: created });
      indicator = created;
    } else {
      const stored = await CONTENT_STORAGE.indicator.find(tx, fields.indicatorId);
      if (!stored || stored.boardId !== boardId) throw notOnBoard("indicator", ["as", "observation", "indicatorId"]);
      indicator = stored.wire;
    }
    const figure = await CONTENT_STORAGE.observation.insert(
      tx,
      { ...fields, boardId, sourceId: source.id, sourceReliability: source.reliability, infoCredibility },
      actor,
    );
    changes.push({ type: "observation.created", entityId: figure.id, data: figure });
    const followUp = CREATE_FOLLOW_UPS.observation?.(domain);
    let warning: WireWarning | null = null;
    if (followUp) {
      const more = await followUp.inTransaction(tx, figure, actor);
      changes.push(...more.changes);
      warning = more.extra.warning;
    }
    return {
      changes,
      evidenceFor: { type: "observation", observationId: figure.id },
      evidenceBody: observationEvidenceBody(figure, indicator),
      outcome: { observationId: figure.id },
      afterCommit: () => (warning && followUp?.afterCommit ? followUp.afterCommit({ warning }) : undefined),
    };
  },
};

/** Writes the fact the request asks for, by its entry in CONFIRM_AS. */
export function confirmFact(context: ConfirmContext, as: ConfirmAs): Promise<ConfirmedFact> {
  // TypeScript cannot pair the entry with its own member of the union; the key is the member's own type.
  const write = CONFIRM_AS[as.type] as (context: ConfirmContext, as: ConfirmAs) => Promise<ConfirmedFact>;
  return write(context, as);
}
