// Where the parts of an exported map go, in pixels: handling bands, header, the map, the category legend
// and the footer. Computed from estimated text widths, as the chart export's layout is.

import { FIGURE_PADDING, HANDLING_BAND_HEIGHT, LEGEND_ROW_HEIGHT } from "@/lib/charts/figure-layout";
import { estimateTextWidth } from "@/lib/charts/figure-text";
import type { MapCategory } from "@/lib/map/map-palette";

export const MAP_EXPORT_WIDTH = 960;
export const MAP_EXPORT_MAP_HEIGHT = 540;
const HEADER_HEIGHT = 52;
const FOOTER_HEIGHT = 26;
const GAP = 10;
export const LEGEND_FONT_SIZE = 12;
const SWATCH_WIDTH = 22;
const ITEM_GAP = 18;

export type LegendEntry = { kind: "category"; category: MapCategory; label: string } | { kind: "notes"; label: string };
export type PlacedLegendEntry = LegendEntry & { x: number; y: number };

export type MapExportLayout = {
  width: number;
  height: number;
  /** Handling bands, header and footer; null for a map placed inside a document that has its own. */
  frame: { bands: { top: number; bottom: number }; header: { y: number }; footer: { y: number } } | null;
  map: { x: number; y: number; width: number; height: number };
  legend: PlacedLegendEntry[];
};

export function layoutMapExport(options: {
  width: number;
  mapHeight: number;
  legend: LegendEntry[];
  framed: boolean;
}): MapExportLayout {
  const { width, framed } = options;
  const headerY = HANDLING_BAND_HEIGHT + 4;
  const padding = framed ? FIGURE_PADDING : 0;
  const map = {
    x: padding,
    y: framed ? headerY + HEADER_HEIGHT : 0,
    width: width - 2 * padding,
    height: options.mapHeight,
  };
  const legendTop = map.y + map.height + GAP;
  const legend: PlacedLegendEntry[] = [];
  let x = 0;
  let row = 0;
  for (const entry of options.legend) {
    const itemWidth = SWATCH_WIDTH + estimateTextWidth(entry.label, LEGEND_FONT_SIZE);
    if (x > 0 && x + itemWidth > map.width) {
      x = 0;
      row += 1;
    }
    legend.push({ ...entry, x: padding + x, y: legendTop + row * LEGEND_ROW_HEIGHT });
    x += itemWidth + ITEM_GAP;
  }
  const legendBottom = legendTop + (legend.length > 0 ? (row + 1) * LEGEND_ROW_HEIGHT : 0);
  if (!framed) return { width, height: legendBottom, frame: null, map, legend };
  const footerY = legendBottom + 4;
  const bottomBand = footerY + FOOTER_HEIGHT + 4;
  return {
    width,
    height: bottomBand + HANDLING_BAND_HEIGHT,
    frame: { bands: { top: 0, bottom: bottomBand }, header: { y: headerY }, footer: { y: footerY } },
    map,
    legend,
  };
}
