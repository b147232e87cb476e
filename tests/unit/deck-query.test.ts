// The deck dialog's download URL and what stops it (components/board/export/deck-query.ts).
import { describe, expect, it } from "vitest";
import {
  assessmentChoice,
  briefingDeckUrl,
  deckChoicesProblem,
  periodInputs,
} from "@/components/board/export/deck-query";
import { LIMITS } from "@/lib/schemas/common";

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
    const url = new URL(briefingDeckUrl("b", { ...choices, assessmentIds: { except: [] } }), "http://localhost");
    expect(url.searchParams.get("assessments")).toBe("all");
    expect(url.searchParams.has("except")).toBe(false);
  });

  it("names the unticked ones after all when that is the shorter form", () => {
    const url = new URL(briefingDeckUrl("b", { ...choices, assessmentIds: { except: ["a2", "a3"] } }), "http://l");
    expect(url.searchParams.get("assessments")).toBe("all");
    expect(url.searchParams.get("except")).toBe("a2,a3");
  });

  it("stays under Node's 16 KiB header limit with the most ids either list may hold", () => {
    const ids = (count: number) => Array.from({ length: count }, () => crypto.randomUUID());
    const longest = briefingDeckUrl("russia-ukraine-2022-01", {
      ...choices,
      indicatorIds: ids(50),
      assessmentIds: ids(LIMITS.deckAssessmentIds),
    });
    // The rest of a browser's request headers (cookie, user agent, accept…) stay well under 2 KiB.
    expect(longest.length).toBeLessThan(16 * 1024 - 2048);
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

  it("refuses more ticked, or unticked, assessments than one URL may name", () => {
    const ids = (count: number) => Array.from({ length: count }, (_, index) => `a${index}`);
    const most = LIMITS.deckAssessmentIds;
    expect(deckChoicesProblem({ ...choices, assessmentIds: ids(most) })).toBeNull();
    expect(deckChoicesProblem({ ...choices, assessmentIds: { except: ids(most) } })).toBeNull();
    expect(deckChoicesProblem({ ...choices, assessmentIds: ids(most + 1) })).toMatch(/at most 300/);
    expect(deckChoicesProblem({ ...choices, assessmentIds: { except: ids(most + 1) } })).toMatch(/at most 300/);
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
    expect(assessmentChoice(["a1", "a2"], new Set(["a2", "a1"]))).toEqual({ except: [] });
    expect(assessmentChoice(["a1", "a2", "a3"], new Set(["a3"]))).toEqual(["a3"]);
    expect(assessmentChoice(["a1"], new Set())).toEqual([]);
  });

  it("sends the shorter of the ticked list and all but the unticked list, the ticked one on a tie", () => {
    expect(assessmentChoice(["a1", "a2", "a3"], new Set(["a3", "a1"]))).toEqual({ except: ["a2"] });
    expect(assessmentChoice(["a1", "a2", "a3", "a4"], new Set(["a1", "a2"]))).toEqual(["a1", "a2"]);
    // 1,000 assessments with 900 ticked: 100 ids in the URL instead of 900 (which would answer 431).
    const listed = Array.from({ length: 1000 }, (_, index) => `a${index}`);
    const choice = assessmentChoice(listed, new Set(listed.slice(100)));
    expect(choice).toEqual({ except: listed.slice(0, 100) });
    expect(deckChoicesProblem({ ...choices, assessmentIds: choice })).toBeNull();
  });

  it("never asks for all when none is listed: the analyst saw no assessment to include", () => {
    expect(assessmentChoice([], new Set())).toEqual([]);
  });
});
