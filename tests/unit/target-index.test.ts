// Lookups into a snapshot by id, and the target descriptions built on them.
import { describe, expect, it } from "vitest";
import { describeTarget } from "@/lib/describe-target";
import type { BoardSnapshot, WireIndicator, WireObservation } from "@/lib/schemas/board";
import { targetIndex } from "@/lib/target-index";

function makeObservation(indicatorId: string, index: number): WireObservation {
  return {
    id: `${indicatorId}-obs-${index}`,
    indicatorId,
    observedAt: new Date(Date.UTC(2022, 0, 1) + index * 3_600_000).toISOString(),
    value: index,
    sourceId: null,
    sourceReliability: null,
    infoCredibility: null,
    note: "",
  };
}

function makeIndicator(id: string, observationCount: number): WireIndicator {
  return {
    id,
    name: `Indicator ${id}`,
    unit: "units",
    description: "",
    kind: "count",
    warnAbove: null,
    warnBelow: null,
    color: "#e06c5a",
    observations: Array.from({ length: observationCount }, (_, index) => makeObservation(id, index)),
  };
}

function makeSnapshot(indicators: WireIndicator[]): BoardSnapshot {
  return {
    board: { id: "board", slug: "board", title: "Board", description: "", handling: "", archived: false },
    events: [
      {
        id: "event-1",
        title: "Geneva talks",
        occurredAt: "2022-01-10T09:00:00.000Z",
        endsAt: null,
        category: "diplomatic",
        place: null,
        description: "",
        sourceIds: [],
        sourceReliability: null,
        infoCredibility: null,
        loggedAt: "2022-01-10T10:00:00.000Z",
      },
    ],
    indicators,
    sources: [],
    annotations: [],
    members: [],
  };
}

describe("targetIndex", () => {
  it("finds events, indicators and observations by id, and says nothing of unknown ids", () => {
    const snapshot = makeSnapshot([makeIndicator("a", 3), makeIndicator("b", 3)]);
    const index = targetIndex(snapshot);
    expect(index.event("event-1")?.title).toBe("Geneva talks");
    expect(index.indicator("b")?.name).toBe("Indicator b");
    const found = index.observation("b-obs-2");
    expect(found?.indicator.id).toBe("b");
    expect(found?.observation.value).toBe(2);
    expect(index.event("nope")).toBeUndefined();
    expect(index.observation("nope")).toBeUndefined();
  });

  it("sees an observation added by a new snapshot, which brings new arrays", () => {
    const before = makeSnapshot([makeIndicator("a", 2)]);
    expect(targetIndex(before).observation("a-obs-5")).toBeUndefined();
    const [indicator] = before.indicators;
    if (!indicator) throw new Error("no indicator");
    const after = {
      ...before,
      indicators: [{ ...indicator, observations: [...indicator.observations, makeObservation("a", 5)] }],
    };
    expect(targetIndex(after).observation("a-obs-5")?.observation.value).toBe(5);
  });

  it("describes observation targets on a 100,000-observation board", () => {
    const snapshot = makeSnapshot(Array.from({ length: 5 }, (_, index) => makeIndicator(`i${index}`, 20_000)));
    const targets = Array.from({ length: 10_000 }, (_, index) => ({
      type: "observation" as const,
      observationId: `i${index % 5}-obs-${(index * 7) % 20_000}`,
    }));
    const described = targets.map((target) => describeTarget(target, snapshot));
    expect(described[9_999]).toBe("Indicator i4: 9993 at 2023-02-21 09:00Z");
  });
});
