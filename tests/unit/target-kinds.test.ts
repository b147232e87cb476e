// Every kind of annotation target, taken from its table entries (lib/targets/target-kinds.ts and
// server/annotations/target-kinds.ts): its sample passes its own schema, is stored and read back as it
// was, survives a W3C export and import, and names the entity it points at (issue 13).
import { describe, expect, it } from "vitest";
import { ZAnnotationTarget } from "@/lib/schemas/annotation";
import { referenceOf, TARGET_KINDS, TARGET_TYPES, type TargetOf, type TargetType } from "@/lib/targets/target-kinds";
import { targetColumns } from "@/server/annotations/target-columns";
import { type BriefingScope, serverTargetKindOf } from "@/server/annotations/target-kinds";
import { toWireAnnotation } from "@/server/annotations/to-wire-annotation";
import { fromWebAnnotation } from "@/server/w3c/from-web-annotation";
import { watchfloorIris } from "@/server/w3c/iris";
import { toWebAnnotationTarget } from "@/server/w3c/to-web-annotation";
import { targetSamplesOn } from "../support/target-samples";

const SAMPLES = targetSamplesOn({
  eventId: "0b8f1f52-0d7e-4c43-9d2b-4f5f3c1e6a01",
  indicatorId: "1c9e2a63-1e8f-4d54-8e3c-5a6a4d2f7b02",
  observationId: "2dae3b74-2f90-4e65-9f4d-6b7b5e3a8c03",
  sourceId: "3ebf4c85-30a1-4f76-a05e-7c8c6f4b9d05",
});

const iris = watchfloorIris("https://watchfloor.example", "demo");
const at = new Date("2022-02-01T00:00:00.000Z");

function storedAndReadBack(target: TargetOf<TargetType>) {
  return toWireAnnotation({
    id: "3ebf4c85-30a1-4f76-a05e-7c8c6f4b9d04",
    boardId: "4fc05d96-41b2-4087-b16f-8d9d705cae05",
    authorId: "author",
    ...targetColumns(target),
    body: "text",
    kind: "note",
    confidence: null,
    tags: [],
    parentId: null,
    version: 1,
    resolvedAt: null,
    resolvedById: null,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    deletedById: null,
    automatic: false,
    evidenceEventId: null,
    evidenceObservationId: null,
    author: { id: "author", name: "Author" },
    resolvedBy: null,
    mentions: [],
  }).target;
}

describe.each(TARGET_TYPES)("a %s target", (type) => {
  const target = SAMPLES[type];

  it("passes its own schema and the union's, unchanged", () => {
    expect(TARGET_KINDS[type].schema.parse(target)).toEqual(target);
    expect(ZAnnotationTarget.parse(target)).toEqual(target);
  });

  it("is stored in its columns and read back as it was", () => {
    expect(storedAndReadBack(target)).toEqual(target);
    expect(targetColumns(target).targetType).toBe(serverTargetKindOf(target).storedAs);
  });

  it("survives a W3C export and import", () => {
    const imported = fromWebAnnotation(
      {
        id: iris.annotation("5ad16ea7-52c3-4198-8270-9eae81ad0f06"),
        type: "Annotation",
        body: { type: "TextualBody", value: "text" },
        target: toWebAnnotationTarget(target, iris),
      },
      [],
    );
    expect(imported.ok ? imported.draft.target : imported.issues).toEqual(target);
  });

  it("names the entity it points at by the field that holds its id", () => {
    const reference = TARGET_KINDS[type].references;
    const expected = reference
      ? { entity: reference.entity, id: (target as Record<string, unknown>)[reference.field] }
      : null;
    expect(referenceOf(target)).toEqual(expected);
    if (reference) expect(expected?.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("the briefing", () => {
  const ids = { eventId: SAMPLES.event.eventId, indicatorId: SAMPLES.indicator.indicatorId };
  const observation = {
    id: SAMPLES.observation.observationId,
    indicatorId: ids.indicatorId,
    observedAt: "2022-01-10T00:00:00.000Z",
    value: 1,
    sourceId: null,
    sourceReliability: null,
    infoCredibility: null,
    note: "",
  };
  /** `shows`: the event is in the pack and the indicator charted; `inRange`: the pack's range holds the times. */
  const scope = (shows: boolean, inRange: boolean): BriefingScope => ({
    start: Date.parse(inRange ? "2022-01-01T00:00:00.000Z" : "2023-01-01T00:00:00.000Z"),
    end: Date.parse(inRange ? "2022-02-01T00:00:00.000Z" : "2023-02-01T00:00:00.000Z"),
    chartedIndicators: new Set(shows ? [ids.indicatorId] : []),
    shownEvents: new Set(shows ? [ids.eventId] : []),
    observation: (id) => (id === observation.id ? observation : undefined),
  });

  it.each(TARGET_TYPES)("covers a %s target only when the pack shows what it is on, at its time", (type) => {
    const target = SAMPLES[type];
    const { covers } = serverTargetKindOf(target).briefing;
    // The board is always covered, and so are a passage and a point on the map (every pack has the map
    // page, and a point has no time); an event when the pack lists it (the pack's events are in its range).
    const expected = (shows: boolean, inRange: boolean) =>
      type === "board" || type === "source-span" || type === "place" || (type === "event" ? shows : shows && inRange);
    for (const [shows, inRange] of [
      [true, true],
      [true, false],
      [false, true],
      [false, false],
    ] as const) {
      expect(covers(target, scope(shows, inRange)), `shows ${shows}, in range ${inRange}`).toBe(
        expected(shows, inRange),
      );
    }
  });
});

it("every kind is stored under its own targetType", () => {
  const stored = TARGET_TYPES.map((type) => targetColumns(SAMPLES[type]).targetType);
  expect(new Set(stored).size).toBe(TARGET_TYPES.length);
});
