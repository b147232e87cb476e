// Pan and zoom on the map panel as pure steps from one view to the next. A view is a centre in degrees and a
// zoom (1: the board's default extent); the drawn model's `invert` turns pixels back into degrees, so the
// steps hold for whatever projection lib/map draws with, as long as the view's centre sits mid-frame.
import { MAP_ZOOM, type MapView } from "@/lib/map/map-model";

export const MIN_ZOOM = MAP_ZOOM.min;
export const MAX_ZOOM = MAP_ZOOM.max;
/** One press of + or −, or one notch of a mouse wheel at full speed. */
export const ZOOM_STEP = 1.5;
/** An arrow key moves the map by this share of its width or height. */
const ARROW_PAN_SHARE = 0.15;

/** The drawn frame the steps work in: lib/map's model has these and more. */
export type MapFrame = {
  width: number;
  height: number;
  view: MapView;
  invert(x: number, y: number): [number, number] | null;
};

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/**
 * Zooms by `factor` (> 1 closer) keeping the point under `anchor` (pixels in the frame; the middle when
 * absent) where it is on screen, as map widgets do for the wheel.
 */
export function zoomView(frame: MapFrame, factor: number, anchor?: readonly [number, number]): MapView {
  const zoom = clampZoom(frame.view.zoom * factor);
  const applied = zoom / frame.view.zoom;
  if (applied === 1) return frame.view;
  const middleX = frame.width / 2;
  const middleY = frame.height / 2;
  const [anchorX, anchorY] = anchor ?? [middleX, middleY];
  // The new middle, in the old frame's pixels: the anchor stays put when the frame scales about it.
  const keep = 1 - 1 / applied;
  const center = frame.invert(middleX + (anchorX - middleX) * keep, middleY + (anchorY - middleY) * keep);
  return { center: center ?? frame.view.center, zoom };
}

/** Moves the map with a drag of (dx, dy) pixels: what was under the pointer stays under it. */
export function panView(frame: MapFrame, dx: number, dy: number): MapView {
  if (dx === 0 && dy === 0) return frame.view;
  const center = frame.invert(frame.width / 2 - dx, frame.height / 2 - dy);
  return center ? { center: clampCenter(center), zoom: frame.view.zoom } : frame.view;
}

/** Longitude wrapped into [−180, 180], latitude kept off the poles (a Mercator-like frame has none). */
function clampCenter([longitude, latitude]: [number, number]): [number, number] {
  const wrapped = ((((longitude + 180) % 360) + 360) % 360) - 180;
  return [wrapped, Math.max(-85, Math.min(85, latitude))];
}

export type MapKeyAction =
  | { type: "zoom"; factor: number }
  | { type: "pan"; dx: number; dy: number }
  | { type: "reset" };

/** What a key pressed while the map has focus does; null for keys the map leaves to the page. */
export function mapKeyAction(key: string, frame: Pick<MapFrame, "width" | "height">): MapKeyAction | null {
  const stepX = Math.round(frame.width * ARROW_PAN_SHARE);
  const stepY = Math.round(frame.height * ARROW_PAN_SHARE);
  switch (key) {
    case "+":
    case "=":
      return { type: "zoom", factor: ZOOM_STEP };
    case "-":
    case "_":
      return { type: "zoom", factor: 1 / ZOOM_STEP };
    // An arrow moves the view that way, so the map slides the other way (as in map widgets).
    case "ArrowLeft":
      return { type: "pan", dx: stepX, dy: 0 };
    case "ArrowRight":
      return { type: "pan", dx: -stepX, dy: 0 };
    case "ArrowUp":
      return { type: "pan", dx: 0, dy: stepY };
    case "ArrowDown":
      return { type: "pan", dx: 0, dy: -stepY };
    case "0":
    case "Home":
      return { type: "reset" };
    default:
      return null;
  }
}

/** The zoom factor for one wheel event: proportional to its distance, so a trackpad's small steps stay small. */
export function wheelZoomFactor(deltaY: number, deltaMode: number): number {
  // deltaMode 1 counts lines and 2 pages; bring both to pixels first.
  const pixels = deltaY * (deltaMode === 1 ? 16 : deltaMode === 2 ? 400 : 1);
  const notches = Math.max(-1, Math.min(1, -pixels / 100));
  return ZOOM_STEP ** notches;
}

/**
 * Wheel zooms gathered over one animation frame and applied once (`schedule` is requestAnimationFrame in
 * the browser): a fast wheel or a trackpad sends several events a frame, and each applied would draw the
 * map again (~22 ms at 5,000 events). The factors multiply; the last pointer position is the anchor.
 */
export function wheelBatch(
  schedule: (run: () => void) => number,
  unschedule: (id: number) => void,
  apply: (factor: number, anchor: readonly [number, number]) => void,
) {
  let pending: { factor: number; anchor: readonly [number, number]; id: number } | null = null;
  return {
    add(factor: number, anchor: readonly [number, number]) {
      if (pending) {
        pending.factor *= factor;
        pending.anchor = anchor;
        return;
      }
      const id = schedule(() => {
        const due = pending;
        pending = null;
        if (due) apply(due.factor, due.anchor);
      });
      pending = { factor, anchor, id };
    },
    cancel() {
      if (pending) unschedule(pending.id);
      pending = null;
    },
  };
}
