// The map as one pure SVG element: countries, graticule, event markers with their notes badges and
// labels. No hooks and no measuring, so it renders the same in the browser panel, under jsdom for the
// server's export, and in a unit test; the browser passes handlers, an export passes none.
import { type KeyboardEvent, type MouseEvent, memo } from "react";
import { CHART_FONT_FAMILY, type ChartTheme } from "@/lib/charts/chart-palette";
import { type MapMarker, type MapModel, markerRadius } from "./map-model";
import { CATEGORY_COLORS, MAP_PALETTES, type MapPalette } from "./map-palette";
import { LABEL_FONT_SIZE, placeLabels } from "./place-labels";

export const MAP_FIGURE_ATTRIBUTE = "data-map-figure";

export type MapFigureProps = {
  model: MapModel;
  selectedEventId?: string | null;
  /** eventId → names of the others focused on it. */
  watchers?: ReadonlyMap<string, string[]>;
  onMarker?: (marker: MapMarker, action: "enter" | "leave" | "click") => void;
  /**
   * With handlers, the markers are one tab stop (roving tabindex): this marker takes it, the first one when
   * it is absent or gone; the browser moves the focus between markers.
   */
  tabbableMarkerKey?: string | null;
  onBackgroundClick?: (longitude: number, latitude: number) => void;
  /** "screen" (default) matches the board page; "paper" is for printed briefings. */
  theme?: ChartTheme;
  /** Text labels beside markers (default true). */
  labels?: boolean;
};

export function MapFigure({
  model,
  selectedEventId = null,
  watchers,
  onMarker,
  tabbableMarkerKey = null,
  onBackgroundClick,
  theme = "screen",
  labels = true,
}: MapFigureProps) {
  const palette = MAP_PALETTES[theme];
  const { width, height } = model;
  const tabbable =
    tabbableMarkerKey !== null && model.markers.some((marker) => marker.key === tabbableMarkerKey)
      ? tabbableMarkerKey
      : model.markers[0]?.key;
  const placed = labels ? placeLabels(model.markers, width, height) : new Map();
  const backgroundClick = onBackgroundClick
    ? (event: MouseEvent<SVGGElement>) => {
        const svg = event.currentTarget.ownerSVGElement;
        if (!svg) return;
        const box = svg.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) return;
        const point = model.invert(
          ((event.clientX - box.left) * width) / box.width,
          ((event.clientY - box.top) * height) / box.height,
        );
        if (point) onBackgroundClick(point[0], point[1]);
      }
    : undefined;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      fontFamily={CHART_FONT_FAMILY}
      {...{ [MAP_FIGURE_ATTRIBUTE]: "" }}
    >
      <title>{`Map of ${model.markers.reduce((sum, marker) => sum + marker.eventIds.length, 0)} events`}</title>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a click on open ground picks a point; markers are the keyboard's way in */}
      <g onClick={backgroundClick}>
        <rect width={width} height={height} fill={palette.sea} />
        {model.graticule ? <path d={model.graticule} fill="none" stroke={palette.graticule} strokeWidth={0.5} /> : null}
        <g fill={palette.land} stroke={palette.border} strokeWidth={0.6} strokeLinejoin="round">
          {model.countries.map((country) => (
            <path key={country.id} d={country.d}>
              <title>{country.name}</title>
            </path>
          ))}
        </g>
      </g>
      <g>
        {model.markers.map((marker) => (
          <Marker
            key={marker.key}
            marker={marker}
            palette={palette}
            selected={selectedEventId !== null && marker.eventIds.includes(selectedEventId)}
            watchedBy={watchersOf(marker, watchers)}
            tabbable={marker.key === tabbable}
            onMarker={onMarker}
          />
        ))}
      </g>
      <g fontSize={LABEL_FONT_SIZE} fill={palette.label} pointerEvents="none">
        {[...placed.values()].map((label) => (
          <text
            key={label.key}
            x={label.x}
            y={label.y}
            textAnchor={label.anchor}
            stroke={palette.labelHalo}
            strokeWidth={3}
            strokeLinejoin="round"
            paintOrder="stroke"
          >
            {label.text}
          </text>
        ))}
      </g>
    </svg>
  );
}

type MarkerProps = {
  marker: MapMarker;
  palette: MapPalette;
  selected: boolean;
  /** The names of those looking at its events, joined ("" when none): a string, so memo compares it. */
  watchedBy: string;
  tabbable: boolean;
  onMarker: MapFigureProps["onMarker"];
};

// A note re-renders the figure, but only the marker whose badge changed has new props (the model keeps
// the other marker objects), so only that one redraws.
const Marker = memo(function Marker({ marker, palette, selected, watchedBy, tabbable, onMarker }: MarkerProps) {
  const radius = markerRadius(marker);
  const count = marker.eventIds.length;
  const badge = marker.notes > 99 ? "99+" : String(marker.notes);
  const watching = watchedBy.length > 0;
  const title = watching ? `${marker.label} — watched by ${watchedBy}` : marker.label;
  const interactive = onMarker
    ? {
        role: "button",
        tabIndex: tabbable ? 0 : -1,
        "aria-label": title,
        style: { cursor: "pointer" },
        onMouseEnter: () => onMarker(marker, "enter"),
        onMouseLeave: () => onMarker(marker, "leave"),
        onClick: (event: MouseEvent) => {
          // A marker's click is not also a click on the panel around the map.
          event.stopPropagation();
          onMarker(marker, "click");
        },
        onKeyDown: (event: KeyboardEvent) => {
          if (event.key !== "Enter" && event.key !== " ") return;
          event.preventDefault();
          onMarker(marker, "click");
        },
      }
    : {};
  return (
    <g
      transform={`translate(${marker.x} ${marker.y})`}
      data-map-marker={marker.key}
      data-event-ids={marker.eventIds.join(" ")}
      data-category={marker.category}
      data-notes={marker.notes}
      data-watchers={watching ? watchedBy : undefined}
      {...interactive}
    >
      <title>{title}</title>
      {watching ? (
        <circle r={radius + 5} fill="none" stroke={palette.watcher} strokeWidth={2} strokeDasharray="3 2" />
      ) : null}
      {selected ? <circle r={radius + 2.5} fill="none" stroke={palette.selected} strokeWidth={2} /> : null}
      <circle r={radius} fill={CATEGORY_COLORS[marker.category]} stroke={palette.markerStroke} strokeWidth={1.5} />
      {count > 1 ? (
        <text y={3.5} textAnchor="middle" fontSize={9.5} fontWeight={700} fill="#ffffff">
          {count}
        </text>
      ) : null}
      {marker.notes > 0 ? (
        <g transform={`translate(${radius * 0.8} ${-radius * 0.8})`}>
          <rect
            x={-badgeHalfWidth(badge)}
            y={-6}
            width={badgeHalfWidth(badge) * 2}
            height={12}
            rx={6}
            fill={palette.badgeFill}
            stroke={palette.markerStroke}
          />
          <text y={3} textAnchor="middle" fontSize={8} fontWeight={700} fill={palette.badgeText}>
            {badge}
          </text>
        </g>
      ) : null}
    </g>
  );
});

function badgeHalfWidth(text: string): number {
  return Math.max(6, 2.5 + text.length * 2.6);
}

function watchersOf(marker: MapMarker, watchers: MapFigureProps["watchers"]): string {
  if (!watchers?.size) return "";
  const names = new Set<string>();
  for (const id of marker.eventIds) for (const name of watchers.get(id) ?? []) names.add(name);
  return [...names].join(", ");
}
