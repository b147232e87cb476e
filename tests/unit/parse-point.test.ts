// Coordinates an analyst types to set a point as an event's place (components/board/content/parse-point.ts).
import { describe, expect, it } from "vitest";
import { parsePoint } from "@/components/board/content/parse-point";

describe("a point typed as latitude, longitude", () => {
  it("reads decimal degrees, latitude first, with a comma or a space between", () => {
    expect(parsePoint("50.45, 30.52")).toEqual({ ok: true, latitude: 50.45, longitude: 30.52 });
    expect(parsePoint("  -33.87 151.21 ")).toEqual({ ok: true, latitude: -33.87, longitude: 151.21 });
    expect(parsePoint("0,0")).toEqual({ ok: true, latitude: 0, longitude: 0 });
    // A typographic minus, as pasted from a report.
    expect(parsePoint("−22.9, −43.2")).toEqual({ ok: true, latitude: -22.9, longitude: -43.2 });
  });

  it("reads hemisphere letters, as the field shows a chosen place, in either order", () => {
    expect(parsePoint("50.45° N, 30.52° E")).toEqual({ ok: true, latitude: 50.45, longitude: 30.52 });
    expect(parsePoint("22.90 S 43.20 W")).toEqual({ ok: true, latitude: -22.9, longitude: -43.2 });
    expect(parsePoint("30.52 E, 50.45 N")).toEqual({ ok: true, latitude: 50.45, longitude: 30.52 });
  });

  it("accepts the ends of the ranges and refuses what lies beyond them, saying which", () => {
    expect(parsePoint("90, 180")).toEqual({ ok: true, latitude: 90, longitude: 180 });
    expect(parsePoint("-90, -180")).toEqual({ ok: true, latitude: -90, longitude: -180 });
    expect(parsePoint("90.01, 0")).toMatchObject({ ok: false, problem: expect.stringMatching(/latitude/) });
    expect(parsePoint("0, 180.5")).toMatchObject({ ok: false, problem: expect.stringMatching(/longitude/) });
  });

  it("says latitude comes first when the numbers fit only the other way round", () => {
    expect(parsePoint("135.1, 48.5")).toMatchObject({ ok: false, problem: expect.stringMatching(/latitude first/) });
  });

  it("refuses what is not two numbers", () => {
    for (const text of ["", "Kyiv", "50.45", "50.45, 30.52, 1", "50,45 30,52", "1e3, 2", "N 50, E 30", "50 N, 30 N"]) {
      expect(parsePoint(text), text).toMatchObject({ ok: false });
    }
  });
});
