// The handover panel's words (issue 19): "Since 18:40Z (11 h ago): 14 new events, …", each line leading to
// the thing, times in UTC with "Z".
import { describe, expect, it } from "vitest";
import { agoText, handoverHeading, handoverLines, isQuiet } from "@/components/board/shift/handover-lines";
import type { ChangesSummary } from "@/lib/schemas/shift";

const NOW = new Date("2026-12-07T05:40:00.000Z");
const names = { indicatorName: (id: string) => (id === "troops" ? "Troops near the border" : undefined) };

const summary: ChangesSummary = {
  since: { seq: 100, at: "2026-12-06T18:40:00.000Z" },
  until: { seq: 140, at: "2026-12-07T05:30:00.000Z" },
  counts: { events: 14, observations: 3, annotations: 1, replies: 7, edits: 2, deletions: 0 },
  warningsCrossed: [
    { indicatorId: "troops", observationId: "o1", value: 120_000, threshold: 100_000, direction: "above" },
  ],
  threads: [
    { rootId: "t1", newReplies: 2, mentionsYou: true },
    { rootId: "t2", newReplies: 5, mentionsYou: false },
  ],
  items: [
    {
      seq: 139,
      at: "",
      kind: "confidence",
      opType: "annotation.updated",
      entityId: "a1",
      label: "",
      actor: null,
      rootId: "a1",
    },
    {
      seq: 138,
      at: "",
      kind: "observation",
      opType: "observation.created",
      entityId: "o1",
      label: "",
      actor: null,
      indicatorId: "troops",
    },
    { seq: 137, at: "", kind: "event", opType: "event.created", entityId: "e9", label: "", actor: null },
    { seq: 136, at: "", kind: "annotation", opType: "annotation.created", entityId: "n1", label: "", actor: null },
  ],
  itemsTruncated: false,
};

describe("handover lines", () => {
  it("says since when, in UTC with Z, and how long ago", () => {
    expect(handoverHeading(summary, NOW)).toBe("Since 6 Dec 18:40Z (11 h ago)");
    expect(handoverHeading(summary, new Date("2026-12-06T19:05:00.000Z"))).toBe("Since 18:40Z (25 min ago)");
    expect(agoText("2026-12-03T05:40:00.000Z", NOW)).toBe("4 days ago");
  });

  it("names the year of a last seen in another year, and counts long absences in months and years", () => {
    const old = { ...summary, since: { seq: 100, at: "2022-01-14T13:00:00.000Z" } };
    expect(handoverHeading(old, NOW)).toBe("Since 14 Jan 2022 13:00Z (4 years ago)");
    expect(agoText("2026-07-07T05:40:00.000Z", NOW)).toBe("5 months ago");
    expect(agoText("2026-10-24T05:40:00.000Z", NOW)).toBe("44 days ago");
  });

  it("names each kind of change with where it leads", () => {
    expect(handoverLines(summary, names)).toEqual([
      { key: "events", text: "14 new events", target: { type: "event", eventId: "e9" } },
      { key: "figures", text: "3 figures", target: { type: "indicator", indicatorId: "troops" } },
      {
        key: "thresholds",
        text: "1 threshold crossed (Troops near the border above 100,000)",
        target: { type: "indicator", indicatorId: "troops" },
      },
      { key: "notes", text: "1 new note", target: { type: "thread", threadId: "n1" } },
      { key: "threads", text: "2 threads with new replies (1 names you)", target: { type: "unread" } },
      { key: "confidence", text: "1 assessment's confidence changed", target: { type: "thread", threadId: "a1" } },
      { key: "edits", text: "1 other edit", target: null },
    ]);
  });

  it("is quiet when nothing changed", () => {
    const none = { events: 0, observations: 0, annotations: 0, replies: 0, edits: 0, deletions: 0 };
    expect(isQuiet({ ...summary, counts: none, warningsCrossed: [], threads: [], items: [] })).toBe(true);
    expect(isQuiet(summary)).toBe(false);
  });
});
