// One slide per chosen indicator. The picture from the server's chart renderer is the primary chart: it
// draws events, thresholds and the lettered annotations exactly as the board and the PDF do. Beside the
// letters' list sits a native PowerPoint line chart of the same observations, for an analyst who wants
// to restyle or re-cut the series; it carries the data only. The annotations' notes are the speaker notes.
import type PptxGenJS from "pptxgenjs";
import type { ChartFigureModel } from "@/lib/charts/chart-model";
import { formatUtc } from "@/lib/time";
import { annotationLead } from "../briefing/annotation-line";
import { shortenQuote } from "../briefing/briefing-passage";
import type { BriefingChart as DeckChart } from "../briefing/render-briefing-charts";
import { CONTENT, DECK_COLOR, FONT_FACE, MASTER, PAGE, slideHeading } from "./deck-layout";
import { textHeight } from "./paginate";

const PICTURE_MAX_HEIGHT = 3.1;
const KEYS_WIDTH = 7.2;
const GAP = 0.3;
const KEY_FONT_SIZE = 10;
/** A note's text on the slide; the whole note is in the speaker notes. */
const KEY_TEXT_LIMIT = 140;
/** Excel's day count starts 1899-12-30, 25569 days before the Unix epoch. */
const EXCEL_EPOCH_DAYS = 25569;
const DAY_MS = 86_400_000;

export function addChartSlides(pptx: PptxGenJS, charts: DeckChart[], model: ChartFigureModel): void {
  const [start, end] = model.domain;
  const period = `${formatUtc(new Date(start).toISOString())} – ${formatUtc(new Date(end).toISOString())} (UTC)`;
  for (const chart of charts) {
    const { indicator, markers } = chart.panel;
    const slide = pptx.addSlide({ masterName: MASTER });
    const top = slideHeading(slide, indicator.name, [indicator.unit, period].filter(Boolean).join(" · "));
    const pictureHeight = Math.min(PICTURE_MAX_HEIGHT, CONTENT.width * chart.aspectRatio);
    const pictureWidth = pictureHeight / chart.aspectRatio;
    slide.addImage({
      data: `image/png;base64,${chart.png.toString("base64")}`,
      x: PAGE.left + (CONTENT.width - pictureWidth) / 2,
      y: top,
      w: pictureWidth,
      h: pictureHeight,
      altText: `Chart of ${indicator.name} over ${period}, with events numbered and annotations lettered`,
    });
    const below = top + pictureHeight + 0.2;
    addMarkerKeys(slide, chart, { y: below, h: CONTENT.bottom - below });
    const leftOut = addNativeChart(slide, chart, model.domain, {
      x: PAGE.left + KEYS_WIDTH + GAP,
      y: below,
      w: CONTENT.width - KEYS_WIDTH - GAP,
      h: CONTENT.bottom - below,
    });
    slide.addNotes([speakerNotes(chart, markers.length), leftOut].filter(Boolean).join("\n\n"));
  }
}

/** The letters drawn on the chart with the start of each note, as many as fit. */
function addMarkerKeys(slide: PptxGenJS.Slide, chart: DeckChart, box: { y: number; h: number }): void {
  const { markers } = chart.panel;
  const runs: PptxGenJS.TextProps[] = [];
  let used = textHeight("Marked on the chart", KEY_FONT_SIZE + 1, KEYS_WIDTH);
  runs.push({ text: "Marked on the chart", options: { bold: true, color: DECK_COLOR.muted, breakLine: true } });
  if (markers.length === 0) runs.push({ text: "No annotations in this period.", options: { color: DECK_COLOR.muted } });
  for (const [index, marker] of markers.entries()) {
    const lead = annotationLead(marker.annotation);
    const body = shortenQuote(marker.annotation.body, KEY_TEXT_LIMIT);
    const height = textHeight(`${marker.key}  ${lead}  ${body}`, KEY_FONT_SIZE, KEYS_WIDTH) + 0.05;
    const left = markers.length - index;
    if (used + height > box.h - 0.25 && left > 0) {
      runs.push({ text: `+ ${left} more in the speaker notes`, options: { italic: true, color: DECK_COLOR.muted } });
      break;
    }
    used += height;
    runs.push({ text: `${marker.key}  `, options: { bold: true, color: DECK_COLOR.accent } });
    runs.push({ text: `${lead}  `, options: { bold: true } });
    runs.push({ text: body, options: { breakLine: true } });
  }
  slide.addText(runs, {
    x: PAGE.left,
    y: box.y,
    w: KEYS_WIDTH,
    h: box.h,
    fontFace: FONT_FACE,
    fontSize: KEY_FONT_SIZE,
    color: DECK_COLOR.text,
    valign: "top",
    margin: 0,
    paraSpaceAfter: 3,
  });
}

/**
 * The observations in the period as a PowerPoint line chart on a date axis. Returns why the chart was left
 * out when the period is beyond what a date axis shows (for the speaker notes), else null.
 */
function addNativeChart(
  slide: PptxGenJS.Slide,
  chart: DeckChart,
  domain: [number, number],
  box: { x: number; y: number; w: number; h: number },
): string | null {
  const { indicator, points } = chart.panel;
  const inPeriod = points.filter((point) => point.t >= domain[0] && point.t <= domain[1]);
  const note = (text: string) =>
    slide.addText(text, { ...box, fontFace: FONT_FACE, fontSize: 10, color: DECK_COLOR.muted, valign: "top" });
  if (inPeriod.length === 0) {
    note("No observations in this period.");
    return null;
  }
  const axis = dateAxis(
    domain,
    inPeriod.map((point) => point.t),
  );
  if ("leftOut" in axis) {
    note(`No editable chart: ${axis.leftOut}`);
    return `The editable line chart is left out: ${axis.leftOut}`;
  }
  slide.addChart(
    "line",
    [
      {
        name: indicator.unit ? `${indicator.name} (${indicator.unit})` : indicator.name,
        labels: inPeriod.map((point) => String(excelDay(point.t))),
        values: inPeriod.map((point) => point.value),
      },
    ],
    {
      ...box,
      altText: `Editable line chart of ${indicator.name}`,
      showTitle: true,
      title: "Same series, editable (data only)",
      titleFontFace: FONT_FACE,
      titleFontSize: 10,
      titleColor: DECK_COLOR.muted,
      chartColors: [indicator.color.replace("#", "").toUpperCase()],
      lineSize: 2,
      lineDataSymbol: "circle",
      lineDataSymbolSize: 5,
      catLabelFormatCode: axis.labelFormat,
      catAxisBaseTimeUnit: "days",
      catAxisMajorTimeUnit: axis.tickUnit,
      catAxisMajorUnit: axis.tickStep,
      // The picture's period, so the two charts line up.
      catAxisMinVal: axis.min,
      catAxisMaxVal: axis.max,
      valAxisLabelFormatCode: "#,##0",
      catAxisLabelFontFace: FONT_FACE,
      catAxisLabelFontSize: 9,
      valAxisLabelFontFace: FONT_FACE,
      valAxisLabelFontSize: 9,
      showLegend: false,
    },
  );
  return null;
}

const excelDay = (t: number) => t / DAY_MS + EXCEL_EPOCH_DAYS;

/** Spreadsheet dates run from day 1 (1900-01-01) to day 2958465 (9999-12-31). */
const FIRST_DAY = 1;
const LAST_DAY = 2_958_465;
/** Beyond about this span the ticks of a date axis crowd or thin out past use; the picture shows it all. */
const LONGEST_SPAN_DAYS = 5 * 366;

export type DateAxis =
  | { min: number; max: number; tickUnit: "days" | "months" | "years"; tickStep: number; labelFormat: string }
  | { leftOut: string };

/**
 * The editable chart's date axis for a period (ms) and the times of its points: the period in spreadsheet
 * days, kept within the days a spreadsheet has, with about 5–10 ticks whatever the span; or why no date
 * axis can show it (a point before 1900, or a span of more than five years).
 */
export function dateAxis([start, end]: readonly [number, number], times: readonly number[]): DateAxis {
  if (times.some((t) => excelDay(t) < FIRST_DAY)) {
    return { leftOut: "the period has observations before 1900, where spreadsheet dates start." };
  }
  const min = Math.max(FIRST_DAY, Math.floor(excelDay(start)));
  const max = Math.min(LAST_DAY, Math.ceil(excelDay(end)));
  const span = max - min;
  if (span > LONGEST_SPAN_DAYS) {
    return { leftOut: "the period spans more than five years, more than a date axis shows legibly." };
  }
  const tick =
    span <= 10
      ? { tickUnit: "days" as const, tickStep: 1, labelFormat: "d mmm" }
      : span <= 70
        ? { tickUnit: "days" as const, tickStep: 7, labelFormat: "d mmm" }
        : span <= 300
          ? { tickUnit: "months" as const, tickStep: 1, labelFormat: "mmm yy" }
          : span <= 900
            ? { tickUnit: "months" as const, tickStep: 3, labelFormat: "mmm yy" }
            : { tickUnit: "years" as const, tickStep: 1, labelFormat: "yyyy" };
  return { min, max, ...tick };
}

function speakerNotes(chart: DeckChart, count: number): string {
  const { indicator, markers } = chart.panel;
  const lines = [`${indicator.name}${indicator.description ? `: ${indicator.description}` : ""}`, ""];
  if (count === 0) lines.push("No annotations on this chart in the period.");
  for (const marker of markers) {
    lines.push(`${marker.key}  ${annotationLead(marker.annotation)}`, marker.annotation.body, "");
  }
  return lines.join("\n").trim();
}
