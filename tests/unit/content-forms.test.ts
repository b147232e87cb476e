// The indicator and figure forms read what was typed the same way when adding and when editing
// (issue 13: adding sent a mistyped threshold as null, JSON's NaN, while editing refused it).
import { describe, expect, it } from "vitest";
import {
  indicatorChanges,
  indicatorFormValues,
  readIndicatorForm,
  THRESHOLD_PROBLEM,
} from "@/components/board/content/indicator-form-values";
import {
  OBSERVATION_PROBLEM,
  observationChanges,
  observationFormValues,
  readObservationForm,
} from "@/components/board/content/observation-form-values";
import type { IndicatorDefinition } from "@/lib/events";
import type { WireObservation } from "@/lib/schemas/board";

const indicator: IndicatorDefinition = {
  id: "indicator-1",
  name: "Troops near the border",
  unit: "troops",
  description: "Battalion tactical groups",
  kind: "count",
  warnAbove: 1000,
  warnBelow: null,
  color: "#4F8CC9",
};

const observation: WireObservation = {
  id: "observation-1",
  indicatorId: "indicator-1",
  observedAt: "2022-01-11T06:00:30.000Z",
  value: 2400,
  sourceId: "source-1",
  sourceReliability: "B",
  infoCredibility: 2,
  note: "satellite pass",
};

describe("the indicator form", () => {
  it("refuses a mistyped threshold with a message, whether adding or editing", () => {
    for (const start of [indicatorFormValues(), indicatorFormValues(indicator)]) {
      expect(readIndicatorForm({ ...start, name: "x", unit: "y", warnAbove: "12o" })).toEqual({
        ok: false,
        problem: THRESHOLD_PROBLEM,
      });
      expect(readIndicatorForm({ ...start, warnBelow: "Infinity" })).toEqual({ ok: false, problem: THRESHOLD_PROBLEM });
    }
  });

  it("reads an empty threshold as none and a number as that number", () => {
    const read = readIndicatorForm({ ...indicatorFormValues(), name: "Flights", unit: "flights", warnAbove: " 12.5 " });
    expect(read).toEqual({
      ok: true,
      fields: {
        name: "Flights",
        unit: "flights",
        description: "",
        kind: "count",
        warnAbove: 12.5,
        warnBelow: null,
        color: "#4f8cc9",
      },
    });
  });

  it("sends only what was changed when editing, and nothing for an untouched form", () => {
    const untouched = readIndicatorForm(indicatorFormValues(indicator));
    if (!untouched.ok) throw new Error(untouched.problem);
    expect(indicatorChanges(indicator, untouched.fields)).toEqual({});
    const edited = readIndicatorForm({ ...indicatorFormValues(indicator), warnAbove: "", color: "#ff0000" });
    if (!edited.ok) throw new Error(edited.problem);
    expect(indicatorChanges(indicator, edited.fields)).toEqual({ warnAbove: null, color: "#ff0000" });
  });
});

describe("the figure form", () => {
  it("refuses a missing time or a value that is not a number, whether adding or editing", () => {
    expect(readObservationForm({ ...observationFormValues(), value: "12" })).toEqual({
      ok: false,
      problem: OBSERVATION_PROBLEM,
    });
    expect(readObservationForm({ ...observationFormValues(observation), value: "2,400" })).toEqual({
      ok: false,
      problem: OBSERVATION_PROBLEM,
    });
    expect(readObservationForm({ ...observationFormValues(observation), value: " " })).toEqual({
      ok: false,
      problem: OBSERVATION_PROBLEM,
    });
  });

  it("reads a new figure with its grade, and none for what was left empty", () => {
    const values = {
      ...observationFormValues(),
      observedAt: "2022-01-11T06:00",
      value: "2400",
      reliability: "B" as const,
    };
    expect(readObservationForm(values)).toEqual({
      ok: true,
      fields: {
        observedAt: "2022-01-11T06:00:00.000Z",
        value: 2400,
        sourceId: null,
        sourceReliability: "B",
        infoCredibility: null,
        note: "",
      },
    });
  });

  it("sends only what was corrected, keeping the seconds of a time whose minutes were not edited", () => {
    const untouched = observationFormValues(observation);
    const read = readObservationForm(untouched);
    if (!read.ok) throw new Error(read.problem);
    expect(observationChanges(observation, untouched, read.fields)).toEqual({});
    const corrected = { ...untouched, value: "2450", credibility: "" };
    const readCorrected = readObservationForm(corrected);
    if (!readCorrected.ok) throw new Error(readCorrected.problem);
    expect(observationChanges(observation, corrected, readCorrected.fields)).toEqual({
      value: 2450,
      infoCredibility: null,
    });
    const moved = { ...untouched, observedAt: "2022-01-11T07:00" };
    const readMoved = readObservationForm(moved);
    if (!readMoved.ok) throw new Error(readMoved.problem);
    expect(observationChanges(observation, moved, readMoved.fields)).toEqual({
      observedAt: "2022-01-11T07:00:00.000Z",
    });
  });
});
