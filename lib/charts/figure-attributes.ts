// Marks the rendered figure carries so composeFigureSvg() can find its layers and where they go.
export const FIGURE_ATTRIBUTE = "data-chart-figure";
export const CHROME_ATTRIBUTE = "data-figure-chrome";
export const PANEL_ATTRIBUTE = "data-figure-panel";
