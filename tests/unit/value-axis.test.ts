// The value axis the board page and the exports share (lib/charts/value-axis.ts).
import { describe, expect, it } from "vitest";
import { allowsDecimals, formatValueTick, showsDots, valueDomain } from "@/lib/charts/value-axis";

describe("the value axis", () => {
  it("runs a level from 0 to 5 and fits counts and flags to their data", () => {
    expect(valueDomain("level")).toEqual([0, 5]);
    expect(valueDomain("count")).toEqual(["auto", "auto"]);
    expect(valueDomain("boolean")).toEqual(["auto", "auto"]);
  });

  it("keeps counts whole and labels short", () => {
    expect(allowsDecimals("count")).toBe(false);
    expect(allowsDecimals("level")).toBe(true);
    expect(formatValueTick(120_000)).toBe("120k");
    expect(formatValueTick(1_250)).toBe("1.3k");
  });

  it("draws dots only while points stay 8 px apart", () => {
    expect(showsDots(100, 800)).toBe(true);
    expect(showsDots(101, 800)).toBe(false);
  });
});
