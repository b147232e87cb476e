// The demo data names a target's entity by its demo key; the seed turns that into the id, in the field
// the target table says the kind references (server/seed/demo-target.ts).
import { describe, expect, it } from "vitest";
import type { ReferencedEntity } from "@/lib/targets/target-kinds";
import { demoTarget } from "@/server/seed/demo-target";

const EVENT = "00000000-0000-4000-8000-00000000000e";
const INDICATOR = "00000000-0000-4000-8000-00000000000a";
const OBSERVATION = "00000000-0000-4000-8000-00000000000b";
const SOURCE = "00000000-0000-4000-8000-00000000000c";
const REPORT = "Talks open in Geneva. Geneva hosts the US and Russian delegations.";
const textOf = (sourceKey: string, version: number) => (sourceKey === "report" && version === 1 ? REPORT : undefined);
const ids: Record<ReferencedEntity, Record<string, string>> = {
  event: { geneva: EVENT },
  indicator: { troops: INDICATOR },
  observation: { "troops-jan": OBSERVATION },
  source: { report: SOURCE },
};
const idOf = (entity: ReferencedEntity, key: string) => {
  const id = ids[entity][key];
  if (!id) throw new Error(`no ${entity} ${key}`);
  return id;
};

describe("a demo target", () => {
  it("becomes the board target of its kind, its key replaced by the entity's id", () => {
    expect(demoTarget({ type: "board" }, idOf)).toEqual({ type: "board" });
    expect(demoTarget({ type: "event", eventKey: "geneva" }, idOf)).toEqual({ type: "event", eventId: EVENT });
    expect(demoTarget({ type: "indicator", indicatorKey: "troops", at: "2022-01-10T00:00:00Z" }, idOf)).toEqual({
      type: "indicator",
      indicatorId: INDICATOR,
      at: "2022-01-10T00:00:00Z",
    });
    expect(
      demoTarget(
        { type: "indicator-range", indicatorKey: "troops", from: "2022-01-01T00:00:00Z", to: "2022-01-10T00:00:00Z" },
        idOf,
      ),
    ).toEqual({
      type: "indicator-range",
      indicatorId: INDICATOR,
      from: "2022-01-01T00:00:00Z",
      to: "2022-01-10T00:00:00Z",
    });
    expect(demoTarget({ type: "observation", observationKey: "troops-jan" }, idOf)).toEqual({
      type: "observation",
      observationId: OBSERVATION,
    });
  });

  it("gives a passage named by its quote the offsets of its one occurrence in that version", () => {
    const exact = "Geneva hosts the US";
    expect(demoTarget({ type: "source-span", sourceKey: "report", version: 1, exact }, idOf, textOf)).toEqual({
      type: "source-span",
      sourceId: SOURCE,
      version: 1,
      start: 22,
      end: 41,
      exact,
    });
    expect(REPORT.slice(22, 41)).toBe(exact);
  });

  it("refuses a passage whose quote is missing, repeated, or in a version the source lacks", () => {
    const passage = (exact: string, version = 1) =>
      demoTarget({ type: "source-span", sourceKey: "report", version, exact }, idOf, textOf);
    expect(() => passage("Talks open in Vienna")).toThrow("not in report v1");
    expect(() => passage("Geneva")).toThrow("more than once");
    expect(() => passage("Talks open", 2)).toThrow("has no version 2");
    expect(() => passage("")).toThrow("not in report v1");
  });

  it("names a key the demo data does not have, and refuses a target its kind's schema refuses", () => {
    expect(() => demoTarget({ type: "event", eventKey: "vienna" }, idOf)).toThrow("no event vienna");
    expect(() =>
      demoTarget(
        { type: "indicator-range", indicatorKey: "troops", from: "2022-01-10T00:00:00Z", to: "2022-01-01T00:00:00Z" },
        idOf,
      ),
    ).toThrow();
  });
});
