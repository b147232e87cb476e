// Literal colours for exported charts. A file has no stylesheet, so `var(--x)` cannot resolve in it:
// "screen" repeats the values of app/globals.css (keep them in step), "paper" is for printed briefings.

export type ChartPalette = {
  background: string;
  text: string;
  muted: string;
  grid: string;
  eventLine: string;
  warn: string;
  accent: string;
  /** Fill of the observation dots (the screen's Recharts default). */
  dotFill: string;
  handlingBackground: string;
  handlingText: string;
};

export const CHART_THEMES = ["screen", "paper"] as const;
export type ChartTheme = (typeof CHART_THEMES)[number];

export const CHART_PALETTES: Record<ChartTheme, ChartPalette> = {
  screen: {
    background: "#0f1419",
    text: "#d8dee6",
    muted: "#8b97a6",
    grid: "#222b35",
    eventLine: "#56626f",
    warn: "#e0a040",
    accent: "#5fa8f5",
    dotFill: "#ffffff",
    handlingBackground: "#2a2410",
    handlingText: "#f0d98a",
  },
  paper: {
    background: "#ffffff",
    text: "#1a1f24",
    muted: "#5b6570",
    grid: "#e3e7eb",
    eventLine: "#9aa4ae",
    warn: "#c07a10",
    accent: "#1f6fc5",
    dotFill: "#ffffff",
    handlingBackground: "#2a2410",
    handlingText: "#f0d98a",
  },
};

/** The font every exported chart names; the server rasterizer loads exactly this family. */
export const CHART_FONT_FAMILY = "DejaVu Sans";
