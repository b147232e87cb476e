// Pan and zoom on the map panel: what is under the pointer stays under it, and keys move the map.
import { describe, expect, it } from "vitest";
import {
  clampZoom,
  MAX_ZOOM,
  type MapFrame,
  MIN_ZOOM,
  mapKeyAction,
  panView,
  wheelBatch,
  wheelZoomFactor,
  zoomView,
} from "@/components/board/map/map-view";
import type { MapView } from "@/lib/map/map-model";

const WIDTH = 600;
const HEIGHT = 400;
/** Pixels per degree at zoom 1. */
const SCALE = 10;

/** A plain equirectangular frame with the view's centre mid-frame, as lib/map's projection keeps it. */
function frameOf(view: MapView): MapFrame & { project(lon: number, lat: number): [number, number] } {
  const k = SCALE * view.zoom;
  return {
    width: WIDTH,
    height: HEIGHT,
    view,
    project: (lon, lat) => [WIDTH / 2 + (lon - view.center[0]) * k, HEIGHT / 2 - (lat - view.center[1]) * k],
    invert: (x, y) => [view.center[0] + (x - WIDTH / 2) / k, view.center[1] - (y - HEIGHT / 2) / k],
  };
}

const START: MapView = { center: [20, 50], zoom: 2 };

describe("zooming the map", () => {
  it("keeps the point under the wheel where it is on screen", () => {
    const before = frameOf(START);
    const anchor: [number, number] = [450, 120];
    const [lon, lat] = before.invert(...anchor) ?? [0, 0];
    const after = frameOf(zoomView(before, 1.5, anchor));
    expect(after.view.zoom).toBe(3);
    const [x, y] = after.project(lon, lat);
    expect(x).toBeCloseTo(anchor[0], 6);
    expect(y).toBeCloseTo(anchor[1], 6);
  });

  it("zooms about the middle from the buttons and keys", () => {
    const view = zoomView(frameOf(START), 1 / 1.5);
    expect(view.center).toEqual(START.center);
    expect(view.zoom).toBeCloseTo(2 / 1.5, 10);
  });

  it("stops at the nearest and farthest zoom and then leaves the view alone", () => {
    expect(clampZoom(1000)).toBe(MAX_ZOOM);
    expect(clampZoom(0.001)).toBe(MIN_ZOOM);
    const farthest: MapView = { center: [10, 10], zoom: MIN_ZOOM };
    expect(zoomView(frameOf(farthest), 0.5, [0, 0])).toBe(farthest);
  });
});

describe("panning the map", () => {
  it("moves what was under the pointer with the drag", () => {
    const before = frameOf(START);
    const grabbed: [number, number] = [100, 300];
    const [lon, lat] = before.invert(...grabbed) ?? [0, 0];
    const after = frameOf(panView(before, 80, -45));
    const [x, y] = after.project(lon, lat);
    expect(x).toBeCloseTo(180, 6);
    expect(y).toBeCloseTo(255, 6);
    expect(after.view.zoom).toBe(START.zoom);
  });

  it("keeps the centre's latitude off the poles and its longitude within ±180", () => {
    const view = panView(frameOf({ center: [175, 80], zoom: 1 }), -200, 200);
    expect(view.center[0]).toBeCloseTo(-165, 6);
    expect(view.center[1]).toBe(85);
  });

  it("arrow keys look that way: ArrowRight brings the east into view", () => {
    const frame = frameOf(START);
    const action = mapKeyAction("ArrowRight", frame);
    if (action?.type !== "pan") throw new Error(`ArrowRight should pan, got ${JSON.stringify(action)}`);
    expect(panView(frame, action.dx, action.dy).center[0]).toBeGreaterThan(START.center[0]);
    const up = mapKeyAction("ArrowUp", frame);
    if (up?.type !== "pan") throw new Error("ArrowUp should pan");
    expect(panView(frame, up.dx, up.dy).center[1]).toBeGreaterThan(START.center[1]);
    expect(mapKeyAction("+", frame)).toEqual({ type: "zoom", factor: 1.5 });
    expect(mapKeyAction("-", frame)).toEqual({ type: "zoom", factor: 1 / 1.5 });
    expect(mapKeyAction("Tab", frame)).toBeNull();
  });

  it("a wheel notch zooms one step at most, towards the user zooming in", () => {
    expect(wheelZoomFactor(-100, 0)).toBeCloseTo(1.5, 10);
    expect(wheelZoomFactor(-1000, 0)).toBeCloseTo(1.5, 10);
    expect(wheelZoomFactor(3, 1)).toBeCloseTo(1.5 ** -0.48, 10);
    expect(wheelZoomFactor(-4, 0)).toBeGreaterThan(1);
    expect(wheelZoomFactor(-4, 0)).toBeLessThan(1.05);
  });
});

describe("wheel zoom", () => {
  it("applies the wheel events of one frame once, as their product, about the last pointer", () => {
    const frames: (() => void)[] = [];
    const applied: [number, readonly [number, number]][] = [];
    const batch = wheelBatch(
      (run) => {
        frames.push(run);
        return frames.length;
      },
      () => {},
      (factor, anchor) => applied.push([factor, anchor]),
    );
    batch.add(1.5, [10, 10]);
    batch.add(1.5, [12, 10]);
    batch.add(1 / 1.5, [14, 10]);
    expect(applied).toEqual([]);
    expect(frames).toHaveLength(1);
    frames.shift()?.();
    expect(applied).toHaveLength(1);
    expect(applied[0]?.[0]).toBeCloseTo(1.5, 9);
    expect(applied[0]?.[1]).toEqual([14, 10]);
    batch.add(2, [0, 0]);
    expect(frames).toHaveLength(1);
    frames.shift()?.();
    expect(applied).toEqual([applied[0], [2, [0, 0]]]);
  });

  it("drops what is pending when cancelled (the map went away)", () => {
    const cancelled: number[] = [];
    const applied: number[] = [];
    const batch = wheelBatch(
      () => 7,
      (id) => cancelled.push(id),
      (factor) => applied.push(factor),
    );
    batch.add(1.5, [0, 0]);
    batch.cancel();
    expect(cancelled).toEqual([7]);
    expect(applied).toEqual([]);
  });
});
