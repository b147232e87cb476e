// Country outlines from Natural Earth (world-atlas TopoJSON, 1:110m), turned into GeoJSON once per
// process and into SVG paths once per projection. The 110m set is 108 KB and draws in a few ms; the
// 50m set is 7x the bytes for borders a map this size cannot show (numbers in the issue 16 report).
import { type GeoProjection, geoGraticule10, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json";

export type CountryPath = { id: string; name: string; d: string };

type CountryProperties = { name: string };
type CountryFeature = GeoJSON.Feature<GeoJSON.Geometry, CountryProperties>;

let features: CountryFeature[] | null = null;

function countryFeatures(): CountryFeature[] {
  if (features) return features;
  const topology = countries110m as unknown as Topology<{ countries: GeometryCollection<CountryProperties> }>;
  features = feature(topology, topology.objects.countries).features as CountryFeature[];
  return features;
}

/** Country outlines and a 10° graticule under `projection`; countries wholly off-screen are left out. */
export function drawCountries(projection: GeoProjection): { countries: CountryPath[]; graticule: string } {
  // One decimal: a tenth of a pixel is below what the eye or the PNG (2x) can resolve, and halves the bytes.
  const path = geoPath(projection).digits(1);
  const countries: CountryPath[] = [];
  for (const country of countryFeatures()) {
    const d = path(country);
    if (!d) continue;
    const name = country.properties.name;
    countries.push({ id: String(country.id ?? name), name, d });
  }
  return { countries, graticule: path(geoGraticule10()) ?? "" };
}
