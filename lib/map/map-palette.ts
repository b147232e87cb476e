// Colours of the map, literal for the same reason as the charts' (an exported file has no stylesheet).
// Event categories keep the timeline's colours (app/globals.css .event-*), so a marker reads like its row.
import type { ChartTheme } from "@/lib/charts/chart-palette";
import type { WireEvent } from "@/lib/schemas/board";

export type MapCategory = WireEvent["category"] | "mixed";

export const CATEGORY_COLORS: Record<MapCategory, string> = {
  military: "#e06c5a",
  diplomatic: "#4fb0a5",
  economic: "#d9a441",
  political: "#9b7fd1",
  humanitarian: "#5fa8f5",
  mixed: "#8b97a6",
};

export type MapPalette = {
  sea: string;
  land: string;
  border: string;
  graticule: string;
  markerStroke: string;
  badgeFill: string;
  badgeText: string;
  label: string;
  labelHalo: string;
  selected: string;
  watcher: string;
};

export const MAP_PALETTES: Record<ChartTheme, MapPalette> = {
  screen: {
    sea: "#0f1419",
    land: "#1c242d",
    border: "#3a4654",
    graticule: "#182029",
    markerStroke: "#0f1419",
    badgeFill: "#f0d98a",
    badgeText: "#1a1f24",
    label: "#d8dee6",
    labelHalo: "#0f1419",
    selected: "#ffffff",
    watcher: "#e0a040",
  },
  paper: {
    sea: "#f4f7fa",
    land: "#e3e7eb",
    border: "#aab3bd",
    graticule: "#e9edf1",
    markerStroke: "#ffffff",
    badgeFill: "#1a1f24",
    badgeText: "#ffffff",
    label: "#1a1f24",
    labelHalo: "#ffffff",
    selected: "#1a1f24",
    watcher: "#c07a10",
  },
};
