// The map slide: the period's located events on the map helper C's export draws (render-map-file.tsx,
// framed with its own handling line so the picture keeps its marking when copied out), and beside it
// the events it shows with their places, numbered as on the charts and the timeline.
import type PptxGenJS from "pptxgenjs";
import type { ChartFigureModel } from "@/lib/charts/chart-model";
import { eventInRange } from "@/lib/map/map-model";
import type { BoardSnapshot } from "@/lib/schemas/board";
import { formatUtc } from "@/lib/time";
import { mapInputOfSnapshot } from "../map/map-export-input";
import { type MapPicture, renderMapPng } from "../map/render-map-png";
import { CONTENT, DECK_COLOR, FONT_FACE, MASTER, PAGE, slideHeading } from "./deck-layout";
import { textHeight } from "./paginate";

/** SVG units: the framed map is about 0.7 as tall as wide, filling the slide's height at 7 inches wide. */
const MAP_WIDTH = 900;
const MAP_HEIGHT = 480;
const LIST_FONT_SIZE = 10;
const GAP = 0.3;

export type DeckMap = MapPicture;

/** Drawn in the deck's worker, framed (its own handling bands), directly rather than through the pool. */
export function renderDeckMap(snapshot: BoardSnapshot, model: ChartFigureModel): Promise<DeckMap> {
  return renderMapPng({
    ...mapInputOfSnapshot(snapshot, {}),
    range: model.domain,
    width: MAP_WIDTH,
    height: MAP_HEIGHT,
    theme: "paper",
  });
}

export function addMapSlide(pptx: PptxGenJS, map: DeckMap, snapshot: BoardSnapshot, model: ChartFigureModel): void {
  const [start, end] = model.domain;
  const period = `${formatUtc(new Date(start).toISOString())} – ${formatUtc(new Date(end).toISOString())} (UTC)`;
  const slide = pptx.addSlide({ masterName: MASTER });
  const top = slideHeading(slide, "Map", `Where the period's events happened · ${period}`);
  const height = CONTENT.bottom - top;
  const width = Math.min(height / map.aspectRatio, CONTENT.width * 0.6);
  slide.addImage({
    data: `image/png;base64,${map.png.toString("base64")}`,
    x: PAGE.left,
    y: top,
    w: width,
    h: width * map.aspectRatio,
    altText: `Map of the events between ${period}, coloured by category`,
  });
  // As the map draws them (overlapping the period), numbered by their place in the board's timeline.
  const located = snapshot.events
    .map((event, index) => ({ number: index + 1, event }))
    .filter(({ event }) => event.place && eventInRange(event, model.domain));
  const listWidth = CONTENT.width - width - GAP;
  const runs: PptxGenJS.TextProps[] = [
    { text: "On the map", options: { bold: true, color: DECK_COLOR.muted, breakLine: true } },
  ];
  let used = textHeight("On the map", LIST_FONT_SIZE, listWidth);
  if (located.length === 0)
    runs.push({ text: "No event in the period has a place.", options: { color: DECK_COLOR.muted } });
  for (const [index, { number, event }] of located.entries()) {
    const line = `${number}  ${event.title} — ${event.place?.label}`;
    const lineHeight = textHeight(line, LIST_FONT_SIZE, listWidth) + 0.04;
    if (used + lineHeight > height - 0.25) {
      runs.push({
        text: `+ ${located.length - index} more on the timeline`,
        options: { italic: true, color: DECK_COLOR.muted },
      });
      break;
    }
    used += lineHeight;
    runs.push({ text: `${number}  `, options: { bold: true, color: DECK_COLOR.muted } });
    runs.push({ text: `${event.title} — `, options: {} });
    runs.push({ text: event.place?.label ?? "", options: { color: DECK_COLOR.muted, breakLine: true } });
  }
  slide.addText(runs, {
    x: PAGE.left + width + GAP,
    y: top,
    w: listWidth,
    h: height,
    fontFace: FONT_FACE,
    fontSize: LIST_FONT_SIZE,
    color: DECK_COLOR.text,
    valign: "top",
    margin: 0,
    paraSpaceAfter: 3,
  });
}
