// The as-of view's times (issue 19): the exports' "as known at" date-time group, the banner's wording,
// the UTC field and the quick picks.
import { describe, expect, it } from "vitest";
import {
  asOfFieldValue,
  asOfProblem,
  formatAsOf,
  instantOfField,
  quickPicks,
} from "@/components/board/history/as-of-time";
import { asKnownAtLine } from "@/server/exports/charts/as-known-at";

describe("the exports' as-known-at line", () => {
  it("is the UTC date-time group, spaced as briefings print it", () => {
    expect(asKnownAtLine(new Date("2022-01-12T06:00:00Z"))).toBe("As known at 120600Z JAN 22");
    expect(asKnownAtLine(new Date("2026-12-06T18:05:59Z"))).toBe("As known at 061805Z DEC 26");
  });

  it("takes the day in UTC, not the server's zone, across midnight", () => {
    expect(asKnownAtLine(new Date("2022-03-01T23:30:00-05:00"))).toBe("As known at 020430Z MAR 22");
  });
});

describe("the banner's instant", () => {
  it("reads day, month, year and time in UTC with a Z", () => {
    expect(formatAsOf("2022-01-12T18:40:00.000Z")).toBe("12 Jan 2022 18:40Z");
    expect(formatAsOf("2022-01-12T18:40:05.000Z")).toBe("12 Jan 2022 18:40:05Z");
    expect(formatAsOf("2022-01-12T20:40:00+02:00")).toBe("12 Jan 2022 18:40Z");
  });
});

describe("the UTC field", () => {
  it("reads what it shows as UTC", () => {
    expect(instantOfField("2022-01-12T18:40")).toBe("2022-01-12T18:40:00.000Z");
    expect(instantOfField("2022-01-12T18:40:05")).toBe("2022-01-12T18:40:05.000Z");
    expect(asOfFieldValue("2022-01-12T18:40:00.000Z")).toBe("2022-01-12T18:40");
    expect(asOfFieldValue("2022-01-12T18:40:05.000Z")).toBe("2022-01-12T18:40:05");
  });

  it("refuses what is not an instant", () => {
    expect(instantOfField("")).toBeNull();
    expect(instantOfField("2022-02-31T10:00")).toBeNull();
    expect(instantOfField("2022-01-12T25:00")).toBeNull();
    expect(instantOfField("yesterday")).toBeNull();
  });

  it("refuses the future and an empty field, and takes now", () => {
    const now = new Date("2022-01-12T18:40:00Z");
    expect(asOfProblem("2022-01-12T18:41:00.000Z", now)).toMatch(/future/);
    expect(asOfProblem(null, now)).toMatch(/UTC/);
    expect(asOfProblem(now.toISOString(), now)).toBeNull();
  });
});

describe("the quick picks", () => {
  it("offer the shift's instants that are past, and the start of the log", () => {
    const picks = quickPicks(new Date("2022-01-12T05:30:00Z"), "2022-01-01T09:00:00.000Z");
    expect(picks).toEqual([
      { label: "An hour ago", iso: "2022-01-12T04:30:00.000Z" },
      { label: "Yesterday 18:00Z", iso: "2022-01-11T18:00:00.000Z" },
      { label: "Yesterday 06:00Z", iso: "2022-01-11T06:00:00.000Z" },
      { label: "Start of the log", iso: "2022-01-01T09:00:00.000Z" },
    ]);
  });

  it("add this morning once it is past, and no start on an empty log", () => {
    const labels = quickPicks(new Date("2022-01-12T07:00:00Z"), null).map(({ label }) => label);
    expect(labels).toEqual(["An hour ago", "Today 06:00Z", "Yesterday 18:00Z", "Yesterday 06:00Z"]);
  });
});
