// MapFigure (issue 16) rendered as the browser renders it, in jsdom: a marker per model marker with its
// count and notes badge, the selected and watched rings, handlers for markers and open ground, and
// labels that never overlap.
import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { estimateTextWidth } from "@/lib/charts/figure-text";
import { MapFigure, type MapFigureProps } from "@/lib/map/MapFigure";
import { buildMapModel, type MapEvent, type MapModel } from "@/lib/map/map-model";
import { MAP_PALETTES } from "@/lib/map/map-palette";
import { LABEL_FONT_SIZE, placeLabels } from "@/lib/map/place-labels";
import { renderInJsdom } from "@/server/exports/charts/render-in-jsdom";

const WIDTH = 800;
const HEIGHT = 480;

function event(id: string, longitude: number, latitude: number, title = `Event ${id}`): MapEvent {
  return {
    id,
    title,
    occurredAt: "2022-01-12T09:00:00.000Z",
    endsAt: null,
    category: "diplomatic",
    place: { label: title, longitude, latitude },
  };
}

const EVENTS = [
  event("brussels-1", 4.35, 50.85, "NATO–Russia Council"),
  event("brussels-2", 4.36, 50.85, "EU foreign ministers"),
  event("kyiv", 30.52, 50.45, "Statement in Kyiv"),
  event("almaty", 76.95, 43.25, "Unrest in Almaty"),
];
const NOTES = new Map([
  ["brussels-1", 60],
  ["brussels-2", 45],
  ["kyiv", 2],
]);
const model = buildMapModel({ events: EVENTS, notesPerEvent: NOTES, range: null, width: WIDTH, height: HEIGHT });
const markerWith = (id: string) => model.markers.find((marker) => marker.eventIds.includes(id));

/** Renders the figure and hands its root <svg> to `read` while it is mounted (handlers live). */
function withFigure<T>(props: Partial<MapFigureProps>, read: (svg: SVGSVGElement) => T): T {
  return renderInJsdom(createElement(MapFigure, { model, ...props }), (container) => {
    const svg = container.querySelector("svg");
    if (!svg) throw new Error("no svg");
    return read(svg);
  });
}

const markerElement = (svg: Element, id: string) =>
  [...svg.querySelectorAll("[data-map-marker]")].find((element) =>
    element.getAttribute("data-event-ids")?.split(" ").includes(id),
  );

describe("MapFigure", () => {
  it("draws one marker per model marker, with the count of merged events and the notes badge", () => {
    withFigure({}, (svg) => {
      const markers = [...svg.querySelectorAll("[data-map-marker]")];
      expect(markers.map((element) => element.getAttribute("data-event-ids"))).toEqual(
        model.markers.map((marker) => marker.eventIds.join(" ")),
      );
      const brussels = markerElement(svg, "brussels-1");
      const texts = [...(brussels?.querySelectorAll("text") ?? [])].map((text) => text.textContent);
      expect(texts).toEqual(["2", "99+"]);
      expect([...(markerElement(svg, "kyiv")?.querySelectorAll("text") ?? [])].map((t) => t.textContent)).toEqual([
        "2",
      ]);
      expect(markerElement(svg, "almaty")?.querySelectorAll("text")).toHaveLength(0);
      expect(svg.querySelectorAll("path").length).toBeGreaterThan(20);
    });
  });

  it("rings the selected event's marker and the markers others are focused on", () => {
    const palette = MAP_PALETTES.screen;
    withFigure({ selectedEventId: "brussels-2", watchers: new Map([["kyiv", ["Bob Okafor", "Chen Wei"]]]) }, (svg) => {
      const rings = (id: string) =>
        [...(markerElement(svg, id)?.querySelectorAll("circle") ?? [])].map((circle) => circle.getAttribute("stroke"));
      expect(rings("brussels-1")).toContain(palette.selected);
      expect(rings("kyiv")).not.toContain(palette.selected);
      expect(rings("kyiv")).toContain(palette.watcher);
      expect(rings("almaty")).not.toContain(palette.watcher);
      expect(markerElement(svg, "kyiv")?.getAttribute("data-watchers")).toBe("Bob Okafor, Chen Wei");
      expect(markerElement(svg, "kyiv")?.querySelector("title")?.textContent).toContain("Bob Okafor, Chen Wei");
    });
  });

  it("tells the browser which marker was hovered, clicked or chosen by key, and where open ground was clicked", () => {
    const onMarker = vi.fn();
    const onBackgroundClick = vi.fn();
    withFigure({ onMarker, onBackgroundClick }, (svg) => {
      const view = svg.ownerDocument.defaultView as Window & typeof globalThis;
      const kyiv = markerElement(svg, "kyiv") as Element;
      kyiv.dispatchEvent(new view.MouseEvent("mouseover", { bubbles: true }));
      kyiv.dispatchEvent(new view.MouseEvent("click", { bubbles: true }));
      kyiv.dispatchEvent(new view.KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
      expect(onMarker.mock.calls.map(([marker, action]) => [marker.key, action])).toEqual([
        [markerWith("kyiv")?.key, "enter"],
        [markerWith("kyiv")?.key, "click"],
        [markerWith("kyiv")?.key, "click"],
      ]);
      expect(onBackgroundClick).not.toHaveBeenCalled();

      // Drawn at half size, 10 px from the page's left and 20 from its top.
      svg.getBoundingClientRect = () => ({ left: 10, top: 20, width: WIDTH / 2, height: HEIGHT / 2 }) as DOMRect;
      const [x, y] = model.project(24.03, 49.84) as [number, number]; // Lviv
      const ground = svg.querySelector("rect") as Element;
      ground.dispatchEvent(new view.MouseEvent("click", { bubbles: true, clientX: 10 + x / 2, clientY: 20 + y / 2 }));
      expect(onBackgroundClick).toHaveBeenCalledTimes(1);
      const [longitude, latitude] = onBackgroundClick.mock.calls[0] as [number, number];
      expect(longitude).toBeCloseTo(24.03, 4);
      expect(latitude).toBeCloseTo(49.84, 4);
    });
  });

  it("draws nothing clickable when no handler is given", () => {
    withFigure({}, (svg) => {
      expect(svg.querySelectorAll("[role=button]")).toHaveLength(0);
      expect(svg.querySelectorAll("[tabindex]")).toHaveLength(0);
    });
  });
});

describe("marker labels", () => {
  it("never overlap each other or a marker, and stay inside the map", () => {
    const crowd: MapEvent[] = Array.from({ length: 80 }, (_, index) =>
      event(
        `e${index}`,
        5 + (index % 10) * 7.3,
        42 + Math.floor(index / 10) * 1.6,
        index % 3 === 0 ? `A rather long event title ${index}` : `E${index}`,
      ),
    );
    const busy: MapModel = buildMapModel({
      events: crowd,
      notesPerEvent: new Map(),
      range: null,
      width: WIDTH,
      height: HEIGHT,
    });
    const labels = [...placeLabels(busy.markers, WIDTH, HEIGHT).values()];
    expect(labels.length).toBeGreaterThan(5);
    expect(labels.length).toBeLessThan(busy.markers.length);
    const boxes = labels.map((label) => {
      const width = estimateTextWidth(label.text, LABEL_FONT_SIZE);
      const left = label.anchor === "start" ? label.x : label.x - width;
      return { left, right: left + width, top: label.y - LABEL_FONT_SIZE, bottom: label.y + 2 };
    });
    for (const [index, box] of boxes.entries()) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(WIDTH);
      for (const other of boxes.slice(index + 1)) {
        const apart =
          box.right <= other.left ||
          other.right <= box.left ||
          box.bottom <= other.top + 2 ||
          other.bottom <= box.top + 2;
        expect(apart, `${labels[index]?.text} overlaps another label`).toBe(true);
      }
      for (const marker of busy.markers) {
        const insideX = marker.x > box.left && marker.x < box.right;
        const insideY = marker.y > box.top && marker.y < box.bottom;
        expect(insideX && insideY, `${labels[index]?.text} covers a marker`).toBe(false);
      }
    }
  });
});
