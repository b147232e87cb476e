// Turns a rendered <BoardChartFigure> into one standalone SVG document: the frame layer, then each
// Recharts surface placed at its panel's offset. Uses only standard DOM APIs, so it runs the same in
// a browser and in the server's jsdom.

import { CHART_FONT_FAMILY } from "./chart-palette";
import { CHROME_ATTRIBUTE, PANEL_ATTRIBUTE } from "./figure-attributes";

const SVG_NS = "http://www.w3.org/2000/svg";

/** Attributes that only mean something inside an HTML page (focus, CSS sizing, ARIA roles). */
const PAGE_ONLY_ATTRIBUTES = ["style", "tabindex", "role"];

export function composeFigureSvg(figure: Element): string {
  const document = figure.ownerDocument;
  const view = document.defaultView;
  if (!view) throw new Error("the figure is not in a document with a window");
  const width = requiredNumber(figure, "data-width");
  const height = requiredNumber(figure, "data-height");

  const root = document.createElementNS(SVG_NS, "svg");
  root.setAttribute("width", String(width));
  root.setAttribute("height", String(height));
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  root.setAttribute("font-family", CHART_FONT_FAMILY);

  const chrome = figure.querySelector(`svg[${CHROME_ATTRIBUTE}]`);
  if (!chrome) throw new Error("the figure has no frame layer");
  for (const child of [...chrome.childNodes]) root.appendChild(child.cloneNode(true));

  figure.querySelectorAll(`[${PANEL_ATTRIBUTE}]`).forEach((panel, index) => {
    const surface = panel.querySelector("svg.recharts-surface");
    if (!surface) throw new Error(`panel ${index + 1} has no chart surface`);
    const placed = surface.cloneNode(true) as Element;
    placed.setAttribute("x", panel.getAttribute("data-x") ?? "0");
    placed.setAttribute("y", panel.getAttribute("data-y") ?? "0");
    makeIdsUnique(placed, `panel${index + 1}-`);
    root.appendChild(placed);
  });

  forEachElement(root, (element) => {
    for (const attribute of PAGE_ONLY_ATTRIBUTES) element.removeAttribute(attribute);
  });
  // Recharts leaves an empty <title> and <desc> on every surface.
  for (const empty of [...root.getElementsByTagName("title"), ...root.getElementsByTagName("desc")]) {
    if (!empty.textContent) empty.remove();
  }
  return new view.XMLSerializer().serializeToString(root);
}

function requiredNumber(element: Element, attribute: string): number {
  const value = Number(element.getAttribute(attribute));
  if (!Number.isFinite(value) || value <= 0) throw new Error(`the figure has no ${attribute}`);
  return value;
}

/**
 * Recharts numbers its clip paths per chart instance; once several charts share one file, two panels
 * rendered in separate trees could collide, and url(#id) would clip the wrong panel.
 */
function makeIdsUnique(surface: Element, prefix: string): void {
  const renamed = new Map<string, string>();
  forEachElement(surface, (element) => {
    const id = element.getAttribute("id");
    if (id === null) return;
    renamed.set(id, prefix + id);
    element.setAttribute("id", prefix + id);
  });
  if (renamed.size === 0) return;
  forEachElement(surface, (element) => {
    for (const attribute of [...element.attributes]) {
      const value = attribute.value.replace(/url\(#([^)]+)\)/g, (match, id: string) => {
        const next = renamed.get(id);
        return next ? `url(#${next})` : match;
      });
      if (value !== attribute.value) element.setAttribute(attribute.name, value);
    }
  });
}

/** A plain walk: CSS selectors over every node of a few thousand-element figure cost more than the render. */
function forEachElement(element: Element, visit: (element: Element) => void): void {
  visit(element);
  for (const child of element.children) forEachElement(child, visit);
}
