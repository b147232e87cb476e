// Everything the map draws, as plain numbers and strings, computed the same in the browser panel and the
// server's export (issue 16): country outlines under the view's projection, and the events that have a
// place and fall in the time range as markers, clustered in screen space and badged with their notes.
import { eventInRange } from "@/lib/charts/time-range";
import type { WireEvent } from "@/lib/schemas/board";
import { clusterPoints, type ScreenPoint } from "./cluster-markers";
import { type CountryPath, drawCountries } from "./country-shapes";
import { type FittedProjection, fitProjection, type GeoBox, placesExtent, viewProjection } from "./map-projection";

export type MapEvent = Pick<WireEvent, "id" | "title" | "occurredAt" | "endsAt" | "category" | "place">;
/** zoom 1 shows the default extent (the board's places with a margin); centre as longitude, latitude. */
export type MapView = { center: [longitude: number, latitude: number]; zoom: number };
export type MapMarker = {
  key: string;
  x: number;
  y: number;
  /** One id for a single event; several when close events were merged. */
  eventIds: string[];
  category: WireEvent["category"] | "mixed";
  /** Notes on its events together. */
  notes: number;
  label: string;
};
export type MapModel = {
  width: number;
  height: number;
  /** The view actually drawn (the default one when none was given; zoom clamped to MAP_ZOOM). */
  view: MapView;
  /** The region zoom 1 shows: the input's extent when given, else the places' box with its margin. */
  extent: GeoBox;
  countries: CountryPath[];
  /** A 10° graticule under the same projection ("" when none shows). */
  graticule: string;
  markers: MapMarker[];
  project(longitude: number, latitude: number): [number, number] | null;
  invert(x: number, y: number): [number, number] | null;
};
export type MapModelInput = {
  events: readonly MapEvent[];
  notesPerEvent: ReadonlyMap<string, number>;
  /** Epoch milliseconds [from, to]; null shows every event. */
  range: readonly [number, number] | null;
  width: number;
  height: number;
  view?: MapView;
  /**
   * The region to fit zoom 1 to, instead of the events' places: a view the analyst moved was made under
   * the extent of its time, and a colleague's far-away event must not refit (and so rescale) it.
   */
  extent?: GeoBox;
};

export const MAP_ZOOM = { min: 0.5, max: 64 } as const;
/** A single event's marker radius in pixels; markers nearer than twice this would overlap, so merge. */
export const MARKER_RADIUS = 7;
const MERGE_DISTANCE = MARKER_RADIUS * 2;

// The timeline and the exports ask the same question of an event; the map's importers keep asking here.
export { eventInRange };

/** A marker's radius: a cluster grows a little with its size, a single event keeps MARKER_RADIUS. */
export function markerRadius(marker: Pick<MapMarker, "eventIds">): number {
  const count = marker.eventIds.length;
  return count <= 1 ? MARKER_RADIUS : MARKER_RADIUS + Math.min(6, 2 * Math.log2(count));
}

export function buildMapModel(input: MapModelInput): MapModel {
  const { width, height } = input;
  const extent = input.extent ?? placesExtent(locatedPlaces(input.events));
  const fitted = fittedFor(extent, width, height);
  const view = input.view
    ? { center: input.view.center, zoom: clamp(input.view.zoom, MAP_ZOOM.min, MAP_ZOOM.max) }
    : { center: fitted.projection.center, zoom: 1 };
  const projection = viewProjection(fitted.projection, view, width, height);
  const viewKey = `${fitted.key}|${view.center[0]},${view.center[1]}|${view.zoom}`;
  const { countries, graticule } = remember(COUNTRIES_CACHE, viewKey, () => drawCountries(projection, width, height));
  const project = (longitude: number, latitude: number) => finitePair(projection([longitude, latitude]));
  const invert = (x: number, y: number) => {
    const point = finitePair(projection.invert?.([x, y]));
    return point && Math.abs(point[0]) <= 180 && Math.abs(point[1]) <= 90 ? point : null;
  };
  return {
    width,
    height,
    view,
    extent,
    countries,
    graticule,
    markers: buildMarkers(input, viewKey, project),
    project,
    invert,
  };
}

// The clusters of the last (events array, range, view) with their badges: a note changes only badges, so
// what a note costs is a count per marker, and a marker whose count stays is the same object (the figure's
// memoized marker does not redraw). An events array is taken as immutable, as React state is.
const MARKERS_CACHE = new WeakMap<readonly MapEvent[], { key: string; markers: MapMarker[] }>();

function buildMarkers(input: MapModelInput, viewKey: string, project: MapModel["project"]): MapMarker[] {
  const key = `${viewKey}|${input.range ? `${input.range[0]},${input.range[1]}` : "all"}`;
  const known = MARKERS_CACHE.get(input.events);
  const clustered = known?.key === key ? known.markers : clusterMarkers(input, viewKey, project);
  const markers = clustered.map((marker) => {
    let notes = 0;
    for (const id of marker.eventIds) notes += input.notesPerEvent.get(id) ?? 0;
    return notes === marker.notes ? marker : { ...marker, notes };
  });
  MARKERS_CACHE.set(input.events, { key, markers });
  return markers;
}

/** The markers in range and in view, clustered, with no notes counted yet. */
function clusterMarkers(input: MapModelInput, viewKey: string, project: MapModel["project"]): MapMarker[] {
  const byId = new Map<string, MapEvent>();
  const points: ScreenPoint[] = [];
  for (const { event, x, y } of placedEvents(input.events, viewKey, project)) {
    if (!eventInRange(event, input.range)) continue;
    // Off-screen events are not drawn; a little slack keeps a marker half in view.
    if (x < -MERGE_DISTANCE || x > input.width + MERGE_DISTANCE) continue;
    if (y < -MERGE_DISTANCE || y > input.height + MERGE_DISTANCE) continue;
    byId.set(event.id, event);
    points.push({ id: event.id, x, y });
  }
  return clusterPoints(points, MERGE_DISTANCE).map(({ anchor, members }) => {
    const events = members.map((member) => byId.get(member.id) as MapEvent);
    const categories = new Set(events.map((event) => event.category));
    const first = events[0] as MapEvent;
    return {
      key: `marker-${anchor.id}`,
      x: round(members.reduce((sum, member) => sum + member.x, 0) / members.length),
      y: round(members.reduce((sum, member) => sum + member.y, 0) / members.length),
      eventIds: events.map((event) => event.id),
      category: categories.size === 1 ? first.category : "mixed",
      notes: 0,
      label: markerLabel(events),
    };
  });
}

type PlacedEvent = { event: MapEvent; x: number; y: number };

// The located events in clustering order with their screen positions, kept per events array for the last
// view: when only the range moves (the panel's play button steps it a day at a time), neither the sort
// nor the projection is done again. An events array is taken as immutable, as React state is.
const PLACED_CACHE = new WeakMap<readonly MapEvent[], { viewKey: string; placed: PlacedEvent[] }>();

function placedEvents(events: readonly MapEvent[], viewKey: string, project: MapModel["project"]): PlacedEvent[] {
  const known = PLACED_CACHE.get(events);
  if (known?.viewKey === viewKey) return known.placed;
  const placed: PlacedEvent[] = [];
  for (const event of [...events].sort(byTimeThenId)) {
    const at = event.place ? project(event.place.longitude, event.place.latitude) : null;
    if (at) placed.push({ event, x: at[0], y: at[1] });
  }
  PLACED_CACHE.set(events, { viewKey, placed });
  return placed;
}

function markerLabel(events: readonly MapEvent[]): string {
  const first = events[0] as MapEvent;
  if (events.length === 1) return first.title;
  const places = new Set(events.map((event) => event.place?.label));
  return places.size === 1 && first.place
    ? `${first.place.label} · ${events.length} events`
    : `${events.length} events`;
}

function byTimeThenId(a: MapEvent, b: MapEvent): number {
  return a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// The fitted projection depends only on the extent (where the places are, by default) and the viewport's size, and the outlines
// only on that and the view: both are kept for the last few keys, so a change of events or range that
// leaves the places alone redraws no country, and panning back and forth reuses its paths.
const FITTED_CACHE = new Map<string, { key: string; projection: FittedProjection }>();
const COUNTRIES_CACHE = new Map<string, { countries: CountryPath[]; graticule: string }>();
const CACHE_SIZE = 8;

function fittedFor(extent: GeoBox, width: number, height: number) {
  const key = `${extent.west},${extent.south},${extent.east},${extent.north}|${width}x${height}`;
  return remember(FITTED_CACHE, key, () => ({ key, projection: fitProjection(extent, width, height) }));
}

function* locatedPlaces(events: readonly MapEvent[]) {
  for (const event of events) if (event.place) yield event.place;
}

function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
  const known = cache.get(key);
  if (known !== undefined) {
    cache.delete(key);
    cache.set(key, known);
    return known;
  }
  const made = make();
  cache.set(key, made);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return made;
}

function finitePair(point: [number, number] | null | undefined): [number, number] | null {
  return point && Number.isFinite(point[0]) && Number.isFinite(point[1]) ? [point[0], point[1]] : null;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
