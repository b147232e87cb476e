// A point's two written forms (issue 16): the RFC 5870 geo URI a place target travels as in W3C Web
// Annotations, which must give back the very same doubles, and the coordinates an analyst reads.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { geoUri, parseGeoUri } from "@/lib/schemas/web-annotation";
import { coordinatesText } from "@/lib/targets/coordinates-text";
import { TARGET_KINDS } from "@/lib/targets/target-kinds";

describe("geo URIs", () => {
  it("write latitude first, in plain decimals the URI grammar allows", () => {
    expect(geoUri(33.18, 54.57)).toBe("geo:54.57,33.18");
    expect(geoUri(-70.66925, -33.45694)).toBe("geo:-33.45694,-70.66925");
    expect(geoUri(1.5e-7, -2e-10)).toBe("geo:-0.0000000002,0.00000015");
    expect(geoUri(-180, 90)).toBe("geo:90,-180");
  });

  it("give back exactly the doubles they were written from, anywhere on the globe", () => {
    const degrees = (limit: number) => fc.double({ min: -limit, max: limit, noNaN: true });
    fc.assert(
      fc.property(degrees(180), degrees(90), (longitude, latitude) => {
        const uri = geoUri(longitude, latitude);
        expect(uri).toMatch(/^geo:-?\d+(\.\d+)?,-?\d+(\.\d+)?$/);
        // -0 is written "0": the same point.
        expect(parseGeoUri(uri)).toEqual({ longitude: longitude + 0, latitude: latitude + 0 });
      }),
      { numRuns: 2000 },
    );
  });

  it("read an altitude, the WGS 84 reference system and an uncertainty, in any letter case", () => {
    expect(parseGeoUri("GEO:-33.45694,-70.66925,520;CRS=wgs84;u=30")).toEqual({
      longitude: -70.66925,
      latitude: -33.45694,
    });
  });

  it("refuse another reference system, a point off the globe and anything that is not a number pair", () => {
    for (const uri of [
      "geo:0,0;crs=nad27",
      "geo:90.5,0",
      "geo:0,-180.1",
      "geo:north,east",
      "geo:1e-7,0",
      "geo:54.57",
      "geo:54.57,33.18,1,2",
      "https://example.com/geo:1,2",
      "geo:+1,2",
    ]) {
      expect(parseGeoUri(uri), uri).toBeNull();
    }
  });
});

describe("a place target in words", () => {
  const inWords = (lon: number, lat: number, label: string) =>
    TARGET_KINDS.place.describe({ type: "place", lon, lat, label }, undefined as never);

  it("is its label with the coordinates to two decimals and their hemispheres", () => {
    expect(inWords(33.18, 54.57, "Yelnya")).toBe("Yelnya (54.57° N, 33.18° E)");
    expect(inWords(-70.66925, -33.45694, "Santiago")).toBe("Santiago (33.46° S, 70.67° W)");
  });

  it("says no hemisphere of a point that rounds onto the equator or the prime meridian", () => {
    expect(coordinatesText(-0.001, -0.004)).toBe("0.00° N, 0.00° E");
  });
});
