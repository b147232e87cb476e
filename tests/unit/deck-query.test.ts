// The deck dialog's download URL and what stops it (components/board/export/deck-query.ts).
import { describe, expect, it } from "vitest";
import {
  assessmentChoice,
  briefingDeckUrl,
  deckChoicesProblem,
  periodInputs,
} from "@/components/board/export/deck-query";

const choices = {
  from: "2022-01-05T00:00:00.000Z",
  to: "2022-01-14T00:00:00.000Z",
  indicatorIds: ["i1", "i2"],
  assessmentIds: ["a1"],
};

describe("the briefing deck's URL", () => {
  it("carries the period, the ticked indicators and the ticked assessments", () => {
    const url = new URL(briefingDeckUrl("russia-ukraine-2022-01", choices), "http://localhost");
    expect(url.pathname).toBe("/api/boards/russia-ukraine-2022-01/export/briefing.pptx");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: choices.from,
      to: choices.to,
      indicators: "i1,i2",
      assessments: "a1",
    });
  });

  it("sends an empty assessments list when none is ticked, so the deck has none rather than the default", () => {
    const url = new URL(briefingDeckUrl("b", { ...choices, assessmentIds: [] }), "http://localhost");
    expect(url.searchParams.get("assessments")).toBe("");
  });

  it("asks for all assessments by name when every one is ticked, so a big board's URL stays short", () => {
    const url = new URL(briefingDeckUrl("b", { ...choices, assessmentIds: "all" }), "http://localhost");
    expect(url.searchParams.get("assessments")).toBe("all");
  });

  it("leaves out an open end of the period", () => {
    const url = new URL(briefingDeckUrl("b", { ...choices, from: null }), "http://localhost");
    expect(url.searchParams.has("from")).toBe(false);
  });
});

describe("what stops the download", () => {
  it("asks for an indicator when none is ticked, and refuses a period that ends before it starts", () => {
    expect(deckChoicesProblem(choices)).toBeNull();
    expect(deckChoicesProblem({ ...choices, indicatorIds: [] })).toMatch(/at least one indicator/);
    expect(deckChoicesProblem({ ...choices, from: choices.to, to: choices.from })).toMatch(/must not end/);
  });
});

describe("the period the dialog starts from", () => {
  it("keeps the last minute: an end with seconds is rounded up to the next minute, never cut", () => {
    const start = Date.parse("2022-01-05T00:00:00.000Z");
    const end = Date.parse("2022-01-14T10:05:30.500Z");
    expect(periodInputs([start, end])).toEqual({ from: "2022-01-05T00:00", to: "2022-01-14T10:06" });
    // An event 30 s before the end is inside the period the fields send.
    const sent = Date.parse(`${periodInputs([start, end]).to}:00Z`);
    expect(sent).toBeGreaterThanOrEqual(end);
  });

  it("leaves an end on the minute as it is, and cuts the start down (it only widens the period)", () => {
    const start = Date.parse("2022-01-05T08:15:45.000Z");
    const end = Date.parse("2022-01-14T10:05:00.000Z");
    expect(periodInputs([start, end])).toEqual({ from: "2022-01-05T08:15", to: "2022-01-14T10:05" });
  });
});

describe("which assessments the deck asks for", () => {
  it("asks for all while every listed assessment is ticked, else the ticked ones in the list's order", () => {
    expect(assessmentChoice(["a1", "a2"], new Set(["a2", "a1"]))).toBe("all");
    expect(assessmentChoice(["a1", "a2", "a3"], new Set(["a3", "a1"]))).toEqual(["a1", "a3"]);
    expect(assessmentChoice(["a1"], new Set())).toEqual([]);
  });

  it("never asks for all when none is listed: the analyst saw no assessment to include", () => {
    expect(assessmentChoice([], new Set())).toEqual([]);
  });
});
