// The deck dialog's download URL and what stops it (components/board/export/deck-query.ts).
import { describe, expect, it } from "vitest";
import { briefingDeckUrl, deckChoicesProblem } from "@/components/board/export/deck-query";

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
