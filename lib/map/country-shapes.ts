// Country outlines from Natural Earth (world-atlas TopoJSON, 1:110m), turned into GeoJSON once per
// process and into SVG paths once per view. The 110m set is 108 KB (38 KB gzipped); the 50m set is
// 7x the bytes and ~6x the time per view for borders a panel this size cannot show (issue 16 report).
import { type GeoProjection, geoBounds, geoGraticule10, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json";

export type CountryPath = { id: string; name: string; d: string };

type CountryProperties = { name: string };
type Country = {
  feature: GeoJSON.Feature<GeoJSON.Geometry, CountryProperties>;
  /** [[west, south], [east, north]]; west > east when it crosses the antimeridian (Russia, Fiji). */
  bounds: [[number, number], [number, number]];
};

let countries: Country[] | null = null;

function loadCountries(): Country[] {
  if (countries) return countries;
  const topology = countries110m as unknown as Topology<{ countries: GeometryCollection<CountryProperties> }>;
  const { features } = feature(topology, topology.objects.countries) as GeoJSON.FeatureCollection<
    GeoJSON.Geometry,
    CountryProperties
  >;
  countries = features.map((country) => ({ feature: country, bounds: geoBounds(country) }));
  return countries;
}

/**
 * Country outlines and a 10° graticule under `projection`, clipped to the viewport. Countries whose
 * bounding box misses the viewport's are not projected at all: projecting and clipping the whole world
 * is most of the cost once the analyst zooms in.
 */
export function drawCountries(
  projection: GeoProjection,
  width: number,
  height: number,
): { countries: CountryPath[]; graticule: string } {
  // One decimal: a tenth of a pixel is below what the eye or the PNG (2x) can resolve, and halves the bytes.
  const path = geoPath(projection).digits(1);
  const visible = viewportBounds(projection, width, height);
  const drawn: CountryPath[] = [];
  for (const { feature: country, bounds } of loadCountries()) {
    if (visible && !boxesMeet(bounds, visible)) continue;
    const d = path(country);
    if (!d) continue;
    const name = country.properties.name;
    drawn.push({ id: String(country.id ?? name), name, d });
  }
  return { countries: drawn, graticule: path(geoGraticule10()) ?? "" };
}

type Box = [[number, number], [number, number]];

/** The longitude/latitude box the viewport shows, with a margin; null when it cannot tell (then draw all). */
function viewportBounds(projection: GeoProjection, width: number, height: number): Box | null {
  const invert = projection.invert;
  if (!invert) return null;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const steps = 16;
  for (let step = 0; step <= steps; step += 1) {
    const along = step / steps;
    for (const [x, y] of [
      [along * width, 0],
      [along * width, height],
      [0, along * height],
      [width, along * height],
    ] as const) {
      const point = invert([x, y]);
      if (!point || !Number.isFinite(point[0]) || !Number.isFinite(point[1])) return null;
      west = Math.min(west, point[0]);
      east = Math.max(east, point[0]);
      south = Math.min(south, point[1]);
      north = Math.max(north, point[1]);
    }
  }
  // A pole inside the viewport is on no edge: then every longitude shows up to that pole.
  if (inside(projection([0, 90]), width, height))
    return [
      [-180, south],
      [180, 90],
    ];
  if (inside(projection([0, -90]), width, height))
    return [
      [-180, -90],
      [180, north],
    ];
  // An edge that wraps past the antimeridian spans nearly every longitude: draw everything there.
  if (east - west > 300) return null;
  const margin = 2 + 0.05 * Math.max(east - west, north - south);
  return [
    [west - margin, south - margin],
    [east + margin, north + margin],
  ];
}

function inside(point: [number, number] | null, width: number, height: number): boolean {
  return !!point && point[0] >= 0 && point[0] <= width && point[1] >= 0 && point[1] <= height;
}

function boxesMeet(country: Box, visible: Box): boolean {
  const [[west, south], [east, north]] = country;
  if (south > visible[1][1] || north < visible[0][1]) return false;
  if (west > east) return true;
  return longitudesMeet(west, east, visible[0][0], visible[1][0]);
}

/** Longitude ranges meet, the visible one possibly reaching past ±180 by its margin. */
function longitudesMeet(west: number, east: number, visibleWest: number, visibleEast: number): boolean {
  return [-360, 0, 360].some((shift) => west + shift <= visibleEast && east + shift >= visibleWest);
}
