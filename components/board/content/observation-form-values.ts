// What the figure form holds and sends, for adding and correcting a figure alike. Pure, so it is
// unit-tested.
import type { WireObservation } from "@/lib/schemas/board";
import type { TObservationCreateInput } from "@/lib/schemas/content";
import { fromUtcInput, toUtcInput } from "@/lib/time";
import type { Reliability } from "./SourceAndGrade";

/** The form's fields as typed: a datetime-local value read as UTC, the value as text, "" for none. */
export type ObservationFormValues = {
  observedAt: string;
  value: string;
  sourceId: string;
  reliability: Reliability | "";
  credibility: string;
  note: string;
};

export type ObservationFields = Omit<WireObservation, "id" | "indicatorId" | "sourceReliability"> & {
  sourceReliability: Reliability | null;
};
export type ObservationChanges = Partial<Omit<TObservationCreateInput, "id" | "boardId" | "indicatorId">>;

export const OBSERVATION_PROBLEM = "Give the time (UTC) and a number.";

/** The fields of `observation`, or empty ones for a new figure. */
export function observationFormValues(observation?: WireObservation): ObservationFormValues {
  return {
    observedAt: observation ? toUtcInput(observation.observedAt) : "",
    value: observation ? String(observation.value) : "",
    sourceId: observation?.sourceId ?? "",
    reliability: (observation?.sourceReliability as Reliability | null | undefined) ?? "",
    credibility: observation?.infoCredibility?.toString() ?? "",
    note: observation?.note ?? "",
  };
}

/** The figure to send, or the problem to show when the time or the value is missing or not a number. */
export function readObservationForm(
  values: ObservationFormValues,
): { ok: true; fields: ObservationFields } | { ok: false; problem: string } {
  const observedAt = fromUtcInput(values.observedAt);
  const value = Number(values.value);
  if (!observedAt || values.value.trim() === "" || !Number.isFinite(value)) {
    return { ok: false, problem: OBSERVATION_PROBLEM };
  }
  return {
    ok: true,
    fields: {
      observedAt,
      value,
      sourceId: values.sourceId || null,
      sourceReliability: values.reliability || null,
      infoCredibility: values.credibility ? Number(values.credibility) : null,
      note: values.note,
    },
  };
}

/**
 * Only what differs from `observation`, so saving does not undo a colleague's change to another field.
 * The time counts as changed only when its minutes were edited: the input cannot show seconds.
 */
export function observationChanges(
  observation: WireObservation,
  values: ObservationFormValues,
  fields: ObservationFields,
): ObservationChanges {
  const changes: ObservationChanges = {};
  if (values.observedAt !== toUtcInput(observation.observedAt)) changes.observedAt = fields.observedAt;
  if (fields.value !== observation.value) changes.value = fields.value;
  if (fields.sourceId !== observation.sourceId) changes.sourceId = fields.sourceId;
  if (fields.sourceReliability !== observation.sourceReliability) changes.sourceReliability = fields.sourceReliability;
  if (fields.infoCredibility !== observation.infoCredibility) changes.infoCredibility = fields.infoCredibility;
  if (fields.note !== observation.note) changes.note = fields.note;
  return changes;
}
