// The board's facts by kind: what both sides know of each — the schemas its writes are parsed with, the
// wire shape clients hold, the ops that change it and what it refers to. The server's storage of each
// kind is server/content/content-kinds.ts; the socket events `<kind>:create|update|delete` and the ops
// `<kind>.created|updated|deleted` follow from the names here (docs/architecture.md, "Adding a content kind").
import type { z } from "zod";
import type { OpDataByType } from "../ops";
import type { WireEvent, WireIndicator, WireObservation, WireSource } from "../schemas/board";
import {
  ZEventCreate,
  ZEventUpdate,
  ZIndicatorCreate,
  ZIndicatorUpdate,
  ZObservationCreate,
  ZObservationUpdate,
  ZSourceCreate,
  ZSourceUpdate,
} from "../schemas/content";

/** What clients hold of each kind (an indicator's figures travel as observations of their own). */
export type ContentWire = {
  event: WireEvent;
  source: WireSource;
  indicator: Omit<WireIndicator, "observations">;
  observation: WireObservation;
};
export type ContentKindName = keyof ContentWire;

/** A kind's create, update and delete ops: named after it, carrying its wire shape. */
export type ContentOps<K extends ContentKindName> = {
  created: `${K}.created`;
  updated: `${K}.updated`;
  deleted: `${K}.deleted`;
};
/** Checked here so that a kind whose ops are missing from lib/ops.ts, or carry another shape, does not compile. */
type OpsCarryTheWireShape = {
  [K in ContentKindName]: OpDataByType[`${K}.created`] extends ContentWire[K]
    ? OpDataByType[`${K}.updated`] extends ContentWire[K]
      ? true
      : false
    : false;
};
const opsCarryTheWireShape: OpsCarryTheWireShape = { event: true, source: true, indicator: true, observation: true };
void opsCarryTheWireShape;

export type ContentKind = {
  /** How messages name one ("No such event"). */
  noun: string;
  create: z.ZodType;
  update: z.ZodType;
  /** The other kinds its writes name, by input field: the server checks they are on the same board. */
  references: Partial<Record<string, ContentKindName>>;
};

export const CONTENT_KINDS = {
  event: { noun: "event", create: ZEventCreate, update: ZEventUpdate, references: { sourceIds: "source" } },
  source: { noun: "source", create: ZSourceCreate, update: ZSourceUpdate, references: {} },
  indicator: { noun: "indicator", create: ZIndicatorCreate, update: ZIndicatorUpdate, references: {} },
  observation: {
    noun: "observation",
    create: ZObservationCreate,
    update: ZObservationUpdate,
    references: { indicatorId: "indicator", sourceId: "source" },
  },
} as const satisfies Record<ContentKindName, ContentKind>;

export type ContentCreateInput<K extends ContentKindName> = z.output<(typeof CONTENT_KINDS)[K]["create"]>;
export type ContentUpdateInput<K extends ContentKindName> = z.output<(typeof CONTENT_KINDS)[K]["update"]>;

/**
 * Checked here so that each reference names a field of the kind's create input: a misspelt field would
 * make the same-board check find nothing to check and let a reference to another board's item through.
 */
type MisnamedReferences<K extends ContentKindName> = Exclude<
  keyof (typeof CONTENT_KINDS)[K]["references"],
  keyof ContentCreateInput<K>
>;
type ReferencesNameInputFields = {
  [K in ContentKindName]: [MisnamedReferences<K>] extends [never] ? true : MisnamedReferences<K>;
};
const referencesNameInputFields: ReferencesNameInputFields = {
  event: true,
  source: true,
  indicator: true,
  observation: true,
};
void referencesNameInputFields;

export function contentOps<K extends ContentKindName>(kind: K): ContentOps<K> {
  return { created: `${kind}.created`, updated: `${kind}.updated`, deleted: `${kind}.deleted` };
}
