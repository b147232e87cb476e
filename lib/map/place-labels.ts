// Which markers get a text label: greedily, the biggest markers first (more events, then more notes),
// each to the right of its marker or else to its left, and only where it overlaps no label already
// placed and stays inside the map. A label that fits nowhere is left out; the marker's title keeps it.
import { estimateTextWidth, fitText } from "@/lib/charts/figure-text";
import { type MapMarker, markerRadius } from "./map-model";

export const LABEL_FONT_SIZE = 11;
const MAX_LABEL_WIDTH = 180;
const GAP = 4;
const BADGE_GAP = 9;

export type PlacedLabel = { key: string; text: string; x: number; y: number; anchor: "start" | "end" };
type Box = { left: number; top: number; right: number; bottom: number };

export function placeLabels(markers: readonly MapMarker[], width: number, height: number): Map<string, PlacedLabel> {
  const placed = new Map<string, PlacedLabel>();
  const taken: Box[] = markers.map((marker) => circleBox(marker));
  const order = [...markers].sort(
    (a, b) => b.eventIds.length - a.eventIds.length || b.notes - a.notes || (a.key < b.key ? -1 : 1),
  );
  for (const marker of order) {
    const text = fitText(marker.label, MAX_LABEL_WIDTH, LABEL_FONT_SIZE);
    const textWidth = estimateTextWidth(text, LABEL_FONT_SIZE);
    // A notes badge sits at the marker's upper right: keep the text clear of it.
    const offset = markerRadius(marker) + (marker.notes > 0 ? BADGE_GAP : GAP);
    const top = marker.y - LABEL_FONT_SIZE / 2 - 1;
    const bottom = marker.y + LABEL_FONT_SIZE / 2 + 1;
    const right = { left: marker.x + offset, top, right: marker.x + offset + textWidth, bottom };
    const left = { left: marker.x - offset - textWidth, top, right: marker.x - offset, bottom };
    const fits = (box: Box) =>
      box.left >= 0 &&
      box.right <= width &&
      box.top >= 0 &&
      box.bottom <= height &&
      !taken.some((other) => overlaps(box, other));
    const side = fits(right) ? "start" : fits(left) ? "end" : null;
    if (!side) continue;
    const box = side === "start" ? right : left;
    taken.push(box);
    placed.set(marker.key, {
      key: marker.key,
      text,
      x: side === "start" ? box.left : box.right,
      y: marker.y + LABEL_FONT_SIZE * 0.35,
      anchor: side,
    });
  }
  return placed;
}

function circleBox(marker: MapMarker): Box {
  const radius = markerRadius(marker);
  return { left: marker.x - radius, top: marker.y - radius, right: marker.x + radius, bottom: marker.y + radius };
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
