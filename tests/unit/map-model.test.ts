// The map's model (issue 16): where places land on screen, which events are drawn for a time range,
// how close markers merge, what their badges count, and how the view moves the map.
import { describe, expect, it } from "vitest";
import { buildMapModel, type MapEvent, type MapModel } from "@/lib/map/map-model";

const WIDTH = 900;
const HEIGHT = 520;
const PLACES = {
  Brussels: [4.35, 50.85],
  Geneva: [6.14, 46.2],
  Vienna: [16.37, 48.21],
  Kyiv: [30.52, 50.45],
  Almaty: [76.95, 43.25],
} as const;

let nextId = 0;
function event(place: keyof typeof PLACES | null, overrides: Partial<MapEvent> = {}): MapEvent {
  nextId += 1;
  const coordinates = place ? PLACES[place] : null;
  return {
    id: `event-${String(nextId).padStart(3, "0")}`,
    title: place ? `Meeting in ${place}` : "Somewhere",
    occurredAt: "2022-01-12T09:00:00.000Z",
    endsAt: null,
    category: "diplomatic",
    place: coordinates ? { label: place as string, longitude: coordinates[0], latitude: coordinates[1] } : null,
    ...overrides,
  };
}

function model(events: readonly MapEvent[], options: Partial<Parameters<typeof buildMapModel>[0]> = {}): MapModel {
  return buildMapModel({ events, notesPerEvent: new Map(), range: null, width: WIDTH, height: HEIGHT, ...options });
}

function markerOf(map: MapModel, eventId: string) {
  return map.markers.find((marker) => marker.eventIds.includes(eventId));
}

const day = (iso: string) => Date.parse(iso);

describe("the map's projection", () => {
  const demo = Object.keys(PLACES).map((place) => event(place as keyof typeof PLACES));
  const map = model(demo);

  it("puts Kyiv east of Brussels and north of Almaty, and every place in view", () => {
    const at = (place: keyof typeof PLACES) => map.project(PLACES[place][0], PLACES[place][1]) as [number, number];
    const [kyiv, brussels, almaty] = [at("Kyiv"), at("Brussels"), at("Almaty")];
    expect(kyiv[0]).toBeGreaterThan(brussels[0]);
    expect(kyiv[1]).toBeLessThan(almaty[1]);
    for (const marker of map.markers) {
      expect(marker.x).toBeGreaterThan(0);
      expect(marker.x).toBeLessThan(WIDTH);
      expect(marker.y).toBeGreaterThan(0);
      expect(marker.y).toBeLessThan(HEIGHT);
    }
  });

  it("draws the countries the places are in", () => {
    const names = map.countries.map((country) => country.name);
    expect(names).toEqual(expect.arrayContaining(["Belgium", "Ukraine", "Kazakhstan", "Austria"]));
    expect(names).not.toContain("Brazil");
  });

  it("gives back the point it projected, at the default view and zoomed in", () => {
    const zoomed = model(demo, { view: { center: [20, 48], zoom: 3.5 } });
    for (const current of [map, zoomed]) {
      for (const [longitude, latitude] of [...Object.values(PLACES), [12.5, 41.9]]) {
        const [x, y] = current.project(longitude, latitude) as [number, number];
        const back = current.invert(x, y) as [number, number];
        expect(back[0]).toBeCloseTo(longitude, 6);
        expect(back[1]).toBeCloseTo(latitude, 6);
      }
    }
  });

  it("puts the view's centre in the middle and zooms around it", () => {
    const center: [number, number] = [PLACES.Vienna[0], PLACES.Vienna[1]];
    const at1 = model(demo, { view: { center, zoom: 1 } });
    const at2 = model(demo, { view: { center, zoom: 2 } });
    expect(at1.project(...center)?.map((value) => Math.round(value))).toEqual([WIDTH / 2, HEIGHT / 2]);
    expect(at2.project(...center)?.map((value) => Math.round(value))).toEqual([WIDTH / 2, HEIGHT / 2]);
    const offset = (current: MapModel) => {
      const [x, y] = current.project(...PLACES.Kyiv) as [number, number];
      return [x - WIDTH / 2, y - HEIGHT / 2];
    };
    const [dx1, dy1] = offset(at1);
    const [dx2, dy2] = offset(at2);
    expect(dx2).toBeCloseTo(2 * (dx1 as number), 6);
    expect(dy2).toBeCloseTo(2 * (dy1 as number), 6);
    expect(at2.view).toEqual({ center, zoom: 2 });
    // The same events array drawn at another view: its markers move with the view.
    const kyivId = demo.find((item) => item.place?.label === "Kyiv")?.id ?? "";
    const kyivAt2 = at2.project(...PLACES.Kyiv) as [number, number];
    expect(markerOf(at2, kyivId)?.x).toBeCloseTo(kyivAt2[0], 0);
    expect(markerOf(at2, kyivId)?.y).toBeCloseTo(kyivAt2[1], 0);
  });

  it("starts at zoom 1 centred on the places, and keeps that fit when only the range changes", () => {
    expect(map.view.zoom).toBe(1);
    const later = model(demo, { range: [day("2023-01-01"), day("2023-02-01")] });
    expect(later.view).toEqual(map.view);
    expect(later.project(...PLACES.Kyiv)).toEqual(map.project(...PLACES.Kyiv));
  });

  it("shows Europe when no event has a place", () => {
    const empty = model([event(null)]);
    expect(empty.markers).toEqual([]);
    const [paris, moscow] = [empty.project(2.35, 48.86), empty.project(37.6, 55.75)];
    for (const point of [paris, moscow] as [number, number][]) {
      expect(point[0]).toBeGreaterThan(0);
      expect(point[0]).toBeLessThan(WIDTH);
    }
    // Europe fills the width: Paris and Moscow are far apart, not two dots on a world map.
    expect((moscow as [number, number])[0] - (paris as [number, number])[0]).toBeGreaterThan(WIDTH / 3);
    expect(empty.countries.map((country) => country.name)).toContain("France");
  });
});

describe("which events the map draws", () => {
  const before = event("Geneva", { occurredAt: "2022-01-08T10:00:00.000Z" });
  const spanning = event("Vienna", { occurredAt: "2022-01-05T10:00:00.000Z", endsAt: "2022-01-11T00:00:00.000Z" });
  const inside = event("Kyiv", { occurredAt: "2022-01-12T10:00:00.000Z" });
  const after = event("Almaty", { occurredAt: "2022-01-20T10:00:00.000Z" });
  const unplaced = event(null, { occurredAt: "2022-01-12T11:00:00.000Z" });
  const all = [before, spanning, inside, after, unplaced];
  const drawn = (map: MapModel) => map.markers.flatMap((marker) => marker.eventIds).sort();

  it("draws an event whose span overlaps the range, and none outside it or without a place", () => {
    const map = model(all, { range: [day("2022-01-10T00:00:00Z"), day("2022-01-14T00:00:00Z")] });
    expect(drawn(map)).toEqual([spanning.id, inside.id].sort());
  });

  it("draws every located event when there is no range", () => {
    expect(drawn(model(all))).toEqual([before.id, spanning.id, inside.id, after.id].sort());
  });

  it("counts an event that ends exactly where the range starts", () => {
    const map = model(all, { range: [day("2022-01-11T00:00:00Z"), day("2022-01-11T12:00:00Z")] });
    expect(drawn(map)).toEqual([spanning.id]);
  });
});

describe("markers", () => {
  // Two events a few kilometres apart in Brussels, one in Kyiv.
  const nato = event("Brussels", { category: "diplomatic" });
  const eu = event("Brussels", {
    category: "economic",
    place: { label: "Brussels", longitude: 4.4, latitude: 50.83 },
  });
  const kyiv = event("Kyiv", { category: "military" });
  const notes = new Map([
    [nato.id, 2],
    [eu.id, 3],
    [kyiv.id, 1],
  ]);

  it("merges two close events into one marker with both ids and keeps far ones apart", () => {
    const map = model([nato, eu, kyiv], { notesPerEvent: notes });
    expect(map.markers).toHaveLength(2);
    expect(markerOf(map, nato.id)?.eventIds).toEqual([nato.id, eu.id]);
    expect(markerOf(map, kyiv.id)?.eventIds).toEqual([kyiv.id]);
    expect(markerOf(map, nato.id)?.category).toBe("mixed");
    expect(markerOf(map, kyiv.id)?.category).toBe("military");
    expect(markerOf(map, nato.id)?.label).toBe("Brussels · 2 events");
    expect(markerOf(map, kyiv.id)?.label).toBe(kyiv.title);
  });

  it("separates close events again when zoomed in far enough", () => {
    const map = model([nato, eu, kyiv], { view: { center: [4.37, 50.84], zoom: 64 } });
    expect(markerOf(map, nato.id)?.eventIds).toEqual([nato.id]);
    expect(markerOf(map, eu.id)?.eventIds).toEqual([eu.id]);
    expect(markerOf(map, kyiv.id)).toBeUndefined();
  });

  it("badges a marker with the notes on all its events", () => {
    const map = model([nato, eu, kyiv], { notesPerEvent: notes });
    expect(markerOf(map, nato.id)?.notes).toBe(5);
    expect(markerOf(map, kyiv.id)?.notes).toBe(1);
    expect(model([kyiv]).markers[0]?.notes).toBe(0);
  });

  it("adds a new note to its marker's badge and keeps every other marker as it was", () => {
    const events = [nato, eu, kyiv];
    const first = model(events, { notesPerEvent: notes });
    const second = model(events, { notesPerEvent: new Map([...notes, [kyiv.id, 2]]) });
    expect(markerOf(second, kyiv.id)?.notes).toBe(2);
    expect(markerOf(first, kyiv.id)?.notes).toBe(1);
    // The same object: the clusters were not made again and the figure's marker need not redraw.
    expect(markerOf(second, nato.id)).toBe(markerOf(first, nato.id));
  });

  it("gives the same markers whatever order the events come in", () => {
    const crowd = Array.from({ length: 60 }, (_, index) =>
      event(null, {
        occurredAt: new Date(Date.UTC(2022, 0, 1 + (index % 9))).toISOString(),
        place: {
          label: `P${index}`,
          longitude: 10 + (index % 12) * 0.15,
          latitude: 45 + Math.floor(index / 12) * 0.12,
        },
      }),
    );
    const forward = model(crowd).markers;
    const backward = model([...crowd].reverse()).markers;
    expect(backward).toEqual(forward);
    expect(forward.length).toBeGreaterThan(1);
    expect(forward.length).toBeLessThan(crowd.length);
    expect(forward.flatMap((marker) => marker.eventIds).sort()).toEqual(crowd.map((item) => item.id).sort());
  });
});

describe("an analyst's own view", () => {
  const kyiv = event("Kyiv");
  const odesa = event(null, { place: { label: "Odesa", longitude: 30.73, latitude: 46.48 } });
  const washington = event(null, { place: { label: "Washington", longitude: -77.04, latitude: 38.9 } });
  const distance = (map: MapModel) => {
    const [ax, ay] = map.project(30.52, 50.45) as [number, number];
    const [bx, by] = map.project(30.73, 46.48) as [number, number];
    return Math.hypot(ax - bx, ay - by);
  };

  it("keeps the extent it was made under when a colleague's event lands far away", () => {
    const start = model([kyiv, odesa]);
    const view = { center: [30.52, 50.45] as [number, number], zoom: 6 };
    const zoomed = model([kyiv, odesa], { view, extent: start.extent });
    const after = model([kyiv, odesa, washington], { view, extent: zoomed.extent });
    expect(after.extent).toEqual(start.extent);
    expect(distance(after)).toBeCloseTo(distance(zoomed), 6);
    expect(after.project(30.52, 50.45)).toEqual(zoomed.project(30.52, 50.45));
  });

  it("refits to every place while the view is the default one", () => {
    const start = model([kyiv, odesa]);
    const after = model([kyiv, odesa, washington]);
    expect(after.extent).not.toEqual(start.extent);
    expect(distance(after)).toBeLessThan(distance(start));
  });
});
