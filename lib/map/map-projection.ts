// The map's projection: fitted once to the region of the board's places (the default extent, zoom 1),
// then moved by the analyst's view (centre and zoom) without re-fitting, so panning never rotates the map.
import { type GeoProjection, geoConicConformal, geoMercator } from "d3-geo";

/** A longitude/latitude box in degrees. */
export type GeoBox = { west: number; south: number; east: number; north: number };

/** Shown when no event has a place: Europe from Iberia to the Urals' foothills. */
export const EUROPE_EXTENT: GeoBox = { west: -12, south: 35, east: 45, north: 64 };

/** A box narrower than this (degrees) is widened, so one place shows its surroundings, not a street. */
const MIN_SPAN = { longitude: 12, latitude: 8 };
/** Margin around the places, as a share of the box's span on each side. */
const MARGIN_SHARE = 0.2;
/** A conic projection needs its standard parallels clear of the equator; nearer than this, Mercator. */
const CONIC_MIN_LATITUDE = 10;
/** Pixels kept free at the viewport's edge when fitting. */
const FIT_PADDING = 8;

export type Located = { longitude: number; latitude: number };

/** The box around every place with a margin, or Europe when there is none. */
export function placesExtent(places: Iterable<Located>): GeoBox {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const { longitude, latitude } of places) {
    west = Math.min(west, longitude);
    east = Math.max(east, longitude);
    south = Math.min(south, latitude);
    north = Math.max(north, latitude);
  }
  if (!Number.isFinite(west)) return EUROPE_EXTENT;
  const [w, e] = widen(west, east, MIN_SPAN.longitude, -180, 180);
  const [s, n] = widen(south, north, MIN_SPAN.latitude, -80, 84);
  return { west: w, south: s, east: e, north: n };
}

function widen(low: number, high: number, minSpan: number, floor: number, ceiling: number): [number, number] {
  const middle = (low + high) / 2;
  const half = Math.max(high - low, minSpan) / 2;
  const margin = half * 2 * MARGIN_SHARE;
  return [Math.max(floor, middle - half - margin), Math.min(ceiling, middle + half + margin)];
}

/** The fitted projection as a recipe (d3 projections cannot be copied) and the scale the fit chose. */
export type FittedProjection = { make: () => GeoProjection; scale: number; center: [number, number] };

/**
 * A conformal conic (Lambert) with its standard parallels inside the box, the usual choice for a
 * mid-latitude region wider than tall (Europe to Central Asia); Mercator for boxes near the equator.
 */
export function fitProjection(extent: GeoBox, width: number, height: number): FittedProjection {
  const centerLongitude = (extent.west + extent.east) / 2;
  const clearOfEquator = extent.south >= CONIC_MIN_LATITUDE || extent.north <= -CONIC_MIN_LATITUDE;
  const latitudeSpan = extent.north - extent.south;
  const make = () =>
    (clearOfEquator
      ? geoConicConformal().parallels([extent.south + latitudeSpan / 6, extent.north - latitudeSpan / 6])
      : geoMercator()
    ).rotate([-centerLongitude, 0]);
  const fitted = make().fitExtent(
    [
      [FIT_PADDING, FIT_PADDING],
      [width - FIT_PADDING, height - FIT_PADDING],
    ],
    boxOutline(extent),
  );
  const center = fitted.invert?.([width / 2, height / 2]) ?? [centerLongitude, (extent.south + extent.north) / 2];
  return { make, scale: fitted.scale(), center: [center[0], center[1]] };
}

/** The box's edges as points: on a conic map a parallel is an arc, so its middle counts, not only corners. */
function boxOutline(extent: GeoBox): GeoJSON.MultiPoint {
  const steps = 8;
  const coordinates: [number, number][] = [];
  for (let step = 0; step <= steps; step += 1) {
    const longitude = extent.west + ((extent.east - extent.west) * step) / steps;
    const latitude = extent.south + ((extent.north - extent.south) * step) / steps;
    coordinates.push([longitude, extent.south], [longitude, extent.north]);
    coordinates.push([extent.west, latitude], [extent.east, latitude]);
  }
  return { type: "MultiPoint", coordinates };
}

/**
 * The fitted projection zoomed `zoom` times and shifted so `center` is in the viewport's middle, clipped
 * to the viewport (so paths off-screen cost nothing to draw).
 */
export function viewProjection(
  fitted: FittedProjection,
  view: { center: [number, number]; zoom: number },
  width: number,
  height: number,
): GeoProjection {
  const projection = fitted
    .make()
    .scale(fitted.scale * view.zoom)
    .translate([0, 0]);
  const center = projection(view.center) ?? [0, 0];
  return projection.translate([width / 2 - center[0], height / 2 - center[1]]).clipExtent([
    [0, 0],
    [width, height],
  ]);
}
