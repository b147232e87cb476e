// What the indicator form holds and sends, for adding and editing alike (issue 13: the add form sent a
// mistyped threshold as null, JSON's NaN, while the edit form refused it). Pure, so it is unit-tested.
import type { IndicatorDefinition } from "@/lib/events";
import type { INDICATOR_KINDS, TIndicatorCreateInput } from "@/lib/schemas/content";

export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** The form's fields as typed: thresholds stay text until the form is sent. */
export type IndicatorFormValues = {
  name: string;
  unit: string;
  description: string;
  kind: IndicatorKind;
  warnAbove: string;
  warnBelow: string;
  color: string;
};

/** An indicator's definition as the form sends it. */
export type IndicatorFields = Omit<IndicatorDefinition, "id">;
export type IndicatorChanges = Partial<Omit<TIndicatorCreateInput, "id" | "boardId">>;

export const THRESHOLD_PROBLEM = "A warning threshold must be a number, or empty.";
const DEFAULT_COLOR = "#4f8cc9";

/** The fields of `indicator`, or a new indicator's defaults. */
export function indicatorFormValues(indicator?: IndicatorDefinition): IndicatorFormValues {
  return {
    name: indicator?.name ?? "",
    unit: indicator?.unit ?? "",
    description: indicator?.description ?? "",
    kind: indicator?.kind ?? "count",
    warnAbove: thresholdText(indicator?.warnAbove ?? null),
    warnBelow: thresholdText(indicator?.warnBelow ?? null),
    color: indicator?.color ?? DEFAULT_COLOR,
  };
}

const thresholdText = (threshold: number | null) => (threshold === null ? "" : String(threshold));

/** Empty means no threshold; anything else must be a finite number (undefined when it is not). */
export function parseThreshold(text: string): number | null | undefined {
  if (text.trim() === "") return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
}

/** The definition to send, or the problem to show when a threshold is not a number. */
export function readIndicatorForm(
  values: IndicatorFormValues,
): { ok: true; fields: IndicatorFields } | { ok: false; problem: string } {
  const warnAbove = parseThreshold(values.warnAbove);
  const warnBelow = parseThreshold(values.warnBelow);
  if (warnAbove === undefined || warnBelow === undefined) return { ok: false, problem: THRESHOLD_PROBLEM };
  const { name, unit, description, kind, color } = values;
  return { ok: true, fields: { name, unit, description, kind, warnAbove, warnBelow, color } };
}

/** Only what differs from `indicator`, so saving does not undo a colleague's change to another field. */
export function indicatorChanges(indicator: IndicatorDefinition, fields: IndicatorFields): IndicatorChanges {
  const changes: IndicatorChanges = {};
  if (fields.name !== indicator.name) changes.name = fields.name;
  if (fields.unit !== indicator.unit) changes.unit = fields.unit;
  if (fields.description !== indicator.description) changes.description = fields.description;
  if (fields.kind !== indicator.kind) changes.kind = fields.kind;
  if (fields.warnAbove !== indicator.warnAbove) changes.warnAbove = fields.warnAbove;
  if (fields.warnBelow !== indicator.warnBelow) changes.warnBelow = fields.warnBelow;
  if (fields.color.toLowerCase() !== indicator.color.toLowerCase()) changes.color = fields.color;
  return changes;
}
