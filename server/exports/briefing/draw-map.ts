// The map page: where the pack's events happened, drawn by the map export's renderer without its frame
// (the page has its own handling line), rasterized because pdfkit draws images, not SVG.
import { eventInRange } from "@/lib/map/map-model";
import type { BoardSnapshot } from "@/lib/schemas/board";
import { mapInputOfSnapshot } from "../map/map-export-input";
import { renderMapPng } from "../map/render-map-png";
import { COLOR, contentWidth, FONT, MARGIN, type Pdf, readingNote, sectionHeading } from "./briefing-document";

/** SVG units across the page's text width, as the charts: 11 px labels print at about 8 pt. */
const FIGURE_WIDTH = 680;
const MAP_HEIGHT = 520;

export async function drawMap(pdf: Pdf, snapshot: BoardSnapshot, range: readonly [number, number]): Promise<void> {
  const data = mapInputOfSnapshot(snapshot, {});
  const inRange = data.events.filter((event) => eventInRange(event, range));
  const located = inRange.filter((event) => event.place !== null).length;
  sectionHeading(pdf, "Map", { newPage: true });
  readingNote(
    pdf,
    `Events of the pack's period with a place (${located} of ${inRange.length}), coloured by category; ` +
      "a number inside a marker counts events drawn together, a dark badge the notes on them. Borders: Natural Earth.",
  );
  if (located === 0) {
    pdf.font(FONT.regular).fontSize(10).fillColor(COLOR.muted).text("No event in this period has a place.");
    return;
  }
  const map = await renderMapPng({
    ...data,
    range,
    width: FIGURE_WIDTH,
    height: MAP_HEIGHT,
    theme: "paper",
    framed: false,
  });
  const printedWidth = contentWidth(pdf);
  const top = pdf.y;
  pdf.image(map.png, MARGIN.left, top, { width: printedWidth });
  pdf.y = top + printedWidth * map.aspectRatio + 6;
}
