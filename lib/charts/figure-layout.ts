// Where everything of an exported figure goes, in pixels. Computed, not measured, so the server
// (which has no layout engine) and the browser place the same things in the same spots.
import type { ChartFigureModel } from "./chart-model";
import { eventLabelLanes, eventLabelRoom } from "./event-label-lanes";
import { estimateTextWidth } from "./figure-text";

export const FIGURE_PADDING = 16;
export const HANDLING_BAND_HEIGHT = 22;
export const PANEL_CAPTION_HEIGHT = 22;
export const LEGEND_ROW_HEIGHT = 18;
export const EVENT_KEY_ROW_HEIGHT = 15;
const HEADER_HEIGHT = 52;
const FOOTER_HEIGHT = 26;
const EVENT_KEY_TITLE_HEIGHT = 18;
const SECTION_GAP = 10;
/** The board page draws a chart 150 px high with an 8 px top margin, more when it carries event numbers. */
const SCREEN_CHART_HEIGHT = 150;
const SCREEN_TOP_MARGIN = 8;
const MIN_CHART_HEIGHT = 90;

export type FrameText = {
  exporterName: string;
  exportedAt: string;
  /** "As known at …" when the figure shows the board as it stood at an instant (issue 19). */
  knownAtLine?: string;
};

export type FigureOptions = {
  width: number;
  /** Total height wished for; the charts share what is left after the text. */
  height?: number;
  /** Title, legend, time range, event key, exporter and handling lines; without it only the panels. */
  frame: FrameText | null;
  /** Draw the event numbers on every panel rather than the first only. */
  eventLabelsOnEveryPanel: boolean;
};

export type LegendItem = { kind: "series"; color: string; label: string } | { kind: MarkerKind; label: string };
export type MarkerKind = "event" | "threshold" | "annotation" | "range";
export type Placed<T> = T & { x: number; y: number };

export type PanelPlacement = {
  x: number;
  y: number;
  width: number;
  chartHeight: number;
  /** Room above the plot: the event numbers' lanes, or the screen's plain margin. */
  topMargin: number;
  /** The lane of each event's number, or null when this panel shows none. */
  eventLabelLanes: number[] | null;
};

export type FigureLayout = {
  width: number;
  height: number;
  handlingBands: { top: number; bottom: number } | null;
  header: { y: number } | null;
  legend: Placed<LegendItem>[];
  panels: PanelPlacement[];
  eventKey: { y: number; columns: number; columnWidth: number } | null;
  footer: { y: number } | null;
};

export function layoutFigure(model: ChartFigureModel, options: FigureOptions): FigureLayout {
  const { width, frame } = options;
  const hasHandling = frame !== null && model.board.handling.trim() !== "";
  let y = hasHandling ? HANDLING_BAND_HEIGHT : 0;
  const header = frame ? { y } : null;
  if (frame) y += HEADER_HEIGHT;
  const legend = frame ? flowLegend(legendItems(model), width - 2 * FIGURE_PADDING, y) : [];
  if (frame) y = (legend.at(-1)?.y ?? y) + LEGEND_ROW_HEIGHT + SECTION_GAP / 2;

  const eventKeyColumns = width >= 720 ? 2 : 1;
  const eventKeyHeight =
    frame && model.events.length > 0
      ? EVENT_KEY_TITLE_HEIGHT + Math.ceil(model.events.length / eventKeyColumns) * EVENT_KEY_ROW_HEIGHT + SECTION_GAP
      : 0;
  const chromeBelow = eventKeyHeight + (frame ? FOOTER_HEIGHT : 0) + (hasHandling ? HANDLING_BAND_HEIGHT : 0);
  const lanes = eventLabelLanes(model.events, model.domain, width);
  const available = options.height ? options.height - y - chromeBelow : null;
  const panels = model.panels.map((_, index) => {
    const labelled = index === 0 || options.eventLabelsOnEveryPanel;
    const topMargin = labelled ? eventLabelRoom(lanes) : SCREEN_TOP_MARGIN;
    const placement = {
      x: 0,
      y: y + PANEL_CAPTION_HEIGHT,
      width,
      chartHeight: chartHeightFor(topMargin, model.panels.length, available),
      topMargin,
      eventLabelLanes: labelled ? lanes : null,
    };
    y += PANEL_CAPTION_HEIGHT + placement.chartHeight;
    return placement;
  });

  const eventKey =
    eventKeyHeight > 0
      ? { y: y + SECTION_GAP, columns: eventKeyColumns, columnWidth: (width - 2 * FIGURE_PADDING) / eventKeyColumns }
      : null;
  y += eventKeyHeight;
  const footer = frame ? { y } : null;
  if (frame) y += FOOTER_HEIGHT;
  const bottomBand = y;
  if (hasHandling) y += HANDLING_BAND_HEIGHT;
  return {
    width,
    height: Math.max(y, options.height ?? 0),
    handlingBands: hasHandling
      ? { top: 0, bottom: Math.max(bottomBand, (options.height ?? 0) - HANDLING_BAND_HEIGHT) }
      : null,
    header,
    legend,
    panels,
    eventKey,
    footer,
  };
}

/** A chart's height: the screen's plot plus its top margin, or an even share of a requested total. */
function chartHeightFor(topMargin: number, count: number, available: number | null): number {
  if (available === null) return SCREEN_CHART_HEIGHT + topMargin - SCREEN_TOP_MARGIN;
  return Math.max(MIN_CHART_HEIGHT, Math.floor(available / Math.max(1, count) - PANEL_CAPTION_HEIGHT));
}

function legendItems(model: ChartFigureModel): LegendItem[] {
  const series: LegendItem[] = model.panels.map(({ indicator }) => ({
    kind: "series",
    color: indicator.color,
    label: `${indicator.name} (${indicator.unit})`,
  }));
  const hasThreshold = model.panels.some(
    ({ indicator }) => indicator.warnAbove !== null || indicator.warnBelow !== null,
  );
  const markers = model.panels.flatMap((panel) => panel.markers.map((marker) => marker.shape.type));
  return [
    ...series,
    ...(model.events.length > 0 ? [{ kind: "event", label: "event (numbered)" } as const] : []),
    ...(hasThreshold ? [{ kind: "threshold", label: "warning threshold" } as const] : []),
    ...(markers.includes("point") ? [{ kind: "annotation", label: "annotation" } as const] : []),
    ...(markers.includes("range") ? [{ kind: "range", label: "annotated period" } as const] : []),
  ];
}

const LEGEND_FONT_SIZE = 12;
const LEGEND_SYMBOL_WIDTH = 26;
const LEGEND_ITEM_GAP = 18;

/** Lays legend items out left to right, wrapping to a new row when one would overrun. */
function flowLegend(items: LegendItem[], maxWidth: number, top: number): Placed<LegendItem>[] {
  let x = 0;
  let y = top;
  return items.map((item) => {
    const itemWidth = LEGEND_SYMBOL_WIDTH + estimateTextWidth(item.label, LEGEND_FONT_SIZE);
    if (x > 0 && x + itemWidth > maxWidth) {
      x = 0;
      y += LEGEND_ROW_HEIGHT;
    }
    const placed = { ...item, x: FIGURE_PADDING + x, y };
    x += itemWidth + LEGEND_ITEM_GAP;
    return placed;
  });
}

export const LEGEND_TEXT = { fontSize: LEGEND_FONT_SIZE, symbolWidth: LEGEND_SYMBOL_WIDTH };
export const HEADER_TEXT = { titleBaseline: 26, subtitleBaseline: 44 };
