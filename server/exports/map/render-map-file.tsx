// A map as a file, SVG or PNG, from plain data: the board page's MapFigure framed with title, period,
// legend and handling line, rendered under jsdom and rasterized as the chart export is. Runs in a worker
// thread (task "map", and inside the briefing PDF's and deck's tasks).
import type { ChartTheme } from "@/lib/charts/chart-palette";
import { buildMapModel, type MapEvent, type MapModel } from "@/lib/map/map-model";
import type { MapCategory } from "@/lib/map/map-palette";
import { EVENT_CATEGORIES } from "@/lib/schemas/content";
import { formatUtc } from "@/lib/time";
import { rasterizeSvg } from "../charts/rasterize-svg";
import { renderInJsdom } from "../charts/render-in-jsdom";
import { xmlSafeData } from "../charts/xml-safe-data";
import { MAP_EXPORT_ATTRIBUTE, MapExportFigure } from "./MapExportFigure";
import { type LegendEntry, layoutMapExport, MAP_EXPORT_MAP_HEIGHT, MAP_EXPORT_WIDTH } from "./map-export-layout";

export type MapFileInput = {
  format: "svg" | "png";
  events: readonly MapEvent[];
  notesPerEvent: ReadonlyMap<string, number>;
  /** Epoch milliseconds (an open end as ±Infinity); null for every event. */
  range: readonly [number, number] | null;
  title: string;
  handling: string;
  /** The whole file's width and the map's height, in SVG units; the PNG has twice the pixels. */
  width?: number;
  height?: number;
  theme?: ChartTheme;
  /** "Exported by … at …" under the legend. */
  footer?: string;
  /** "As known at …" when the map shows the board as it stood at an instant: said in the subtitle. */
  knownAtLine?: string;
  /**
   * Handling bands, title, period and footer around the map (default true); false leaves the map and its
   * legend alone, for a page or slide that carries those itself.
   */
  framed?: boolean;
};

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export async function renderMapFile(input: MapFileInput): Promise<Buffer> {
  const svg = renderMapSvg(input);
  return input.format === "svg" ? Buffer.from(svg) : rasterizeSvg(svg);
}

/** Every map the server draws (map.svg/png, the briefing PDF's and the deck's) is drawn here. */
export function renderMapSvg(stored: Omit<MapFileInput, "format">): string {
  // Titles, labels and the handling line may hold control characters XML cannot carry (see xmlSafeData).
  const input = xmlSafeData(stored);
  const width = input.width ?? MAP_EXPORT_WIDTH;
  const mapHeight = input.height ?? MAP_EXPORT_MAP_HEIGHT;
  const framed = input.framed ?? true;
  const probe = layoutMapExport({ width, mapHeight, legend: [], framed });
  const model = buildMapModel({
    events: input.events,
    notesPerEvent: input.notesPerEvent,
    range: input.range,
    width: probe.map.width,
    height: probe.map.height,
  });
  const layout = layoutMapExport({ width, mapHeight, legend: legendOf(model), framed });
  const element = (
    <MapExportFigure
      model={model}
      layout={layout}
      theme={input.theme ?? "paper"}
      title={input.title}
      subtitle={subtitleOf(input, model)}
      handling={input.handling}
      footer={input.footer ?? null}
    />
  );
  return renderInJsdom(element, (container) => {
    const figure = container.querySelector(`[${MAP_EXPORT_ATTRIBUTE}]`);
    const view = container.ownerDocument.defaultView;
    if (!figure || !view) throw new Error("the map did not render");
    // React wrote xmlns as a plain attribute; the serializer declares the namespace itself, and
    // would otherwise declare it twice on the same element (not well-formed XML).
    for (const element of [figure, ...figure.querySelectorAll("[xmlns]")]) element.removeAttribute("xmlns");
    return XML_DECLARATION + new view.XMLSerializer().serializeToString(figure);
  });
}

/** The categories drawn, in the timeline's order, then "several" for merged markers and the notes badge. */
function legendOf(model: MapModel): LegendEntry[] {
  const drawn = new Set<MapCategory>(model.markers.map((marker) => marker.category));
  const entries: LegendEntry[] = EVENT_CATEGORIES.filter((category) => drawn.has(category)).map((category) => ({
    kind: "category",
    category,
    label: category,
  }));
  if (drawn.has("mixed")) entries.push({ kind: "category", category: "mixed", label: "several categories" });
  if (model.markers.some((marker) => marker.notes > 0)) entries.push({ kind: "notes", label: "notes on the events" });
  return entries;
}

function subtitleOf(input: Omit<MapFileInput, "format">, model: MapModel): string {
  const located = model.markers.reduce((sum, marker) => sum + marker.eventIds.length, 0);
  const [from, to] = input.range ?? [-Infinity, Infinity];
  const period =
    from === -Infinity && to === Infinity
      ? "All events"
      : `Events ${Number.isFinite(from) ? formatUtc(new Date(from).toISOString()) : "…"} – ${
          Number.isFinite(to) ? formatUtc(new Date(to).toISOString()) : "…"
        } (UTC)`;
  const subtitle = `${period} · ${located} on the map`;
  return input.knownAtLine ? `${input.knownAtLine} · ${subtitle}` : subtitle;
}
