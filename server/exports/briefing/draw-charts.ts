// The charts section: each selected indicator's chart, its description, and the annotations drawn
// on it, listed under the letters that mark them.

import { annotationHeight, printAnnotation } from "./annotation-line";
import {
  COLOR,
  contentWidth,
  FONT,
  keepTogether,
  MARGIN,
  type Pdf,
  readingNote,
  sectionHeading,
} from "./briefing-document";
import type { BriefingChart } from "./render-briefing-charts";

export function drawCharts(pdf: Pdf, charts: BriefingChart[]): void {
  sectionHeading(pdf, "Indicators", { newPage: true });
  readingNote(
    pdf,
    "Times are UTC. Grey dashed lines are events, numbered as under Key events; amber dashed lines are warning " +
      "thresholds; blue dots and shaded periods are annotations, lettered as listed under each chart.",
  );
  if (charts.length === 0) {
    pdf.font(FONT.regular).fontSize(10).fillColor(COLOR.muted).text("No indicators were selected.");
    return;
  }
  const width = contentWidth(pdf);
  for (const { panel, png, aspectRatio } of charts) {
    const imageHeight = width * aspectRatio;
    // The chart with its notes on one page when they fit on one, or at least with its first note.
    const notesHeight = panel.markers.map((marker) => annotationHeight(pdf, marker.annotation, width - 12));
    const whole = imageHeight + descriptionHeight(pdf, panel.indicator.description, width) + sum(notesHeight);
    keepTogether(pdf, whole <= pageRoom(pdf) ? whole : imageHeight + (notesHeight[0] ?? 0) + 30);
    const top = pdf.y;
    pdf.image(png, MARGIN.left, top, { width });
    pdf.y = top + imageHeight + 2;
    if (panel.indicator.description) {
      pdf
        .font(FONT.regular)
        .fontSize(8.5)
        .fillColor(COLOR.muted)
        .text(panel.indicator.description, MARGIN.left, pdf.y, { width });
      pdf.moveDown(0.3);
    }
    for (const marker of panel.markers) {
      keepTogether(pdf, annotationHeight(pdf, marker.annotation, width - 12));
      printAnnotation(pdf, marker.annotation, { x: MARGIN.left + 12, width: width - 12, key: marker.key });
      pdf.moveDown(0.25);
    }
    pdf.moveDown(1);
  }
}

function descriptionHeight(pdf: Pdf, description: string, width: number): number {
  if (!description) return 0;
  pdf.font(FONT.regular).fontSize(8.5);
  return pdf.heightOfString(description, { width }) + 6;
}

/** The height a fresh page offers between its margins. */
function pageRoom(pdf: Pdf): number {
  return pdf.page.height - MARGIN.top - MARGIN.bottom;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
