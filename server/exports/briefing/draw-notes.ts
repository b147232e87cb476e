// Open warnings and assessments: the analysts' own words, each with what it is about and, when the
// charts draw it, the letter that marks it there.
import type { ChartFigureModel } from "@/lib/charts/chart-model";
import { annotationHeight, printAnnotation } from "./annotation-line";
import type { BriefingNote } from "./briefing-content";
import { passageHeight, printPassage } from "./passage-line";
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

const BAR_WIDTH = 3;
const INDENT = 12;

export function drawNotes(
  pdf: Pdf,
  section: { title: string; emptyText: string; note: string; notes: BriefingNote[]; barColor: string },
  charts: ChartFigureModel,
): void {
  sectionHeading(pdf, section.title, { newPage: false });
  readingNote(pdf, section.note);
  if (section.notes.length === 0) {
    pdf.font(FONT.regular).fontSize(10).fillColor(COLOR.muted).text(section.emptyText, MARGIN.left, pdf.y);
    pdf.moveDown(1.5);
    return;
  }
  const keys = new Map(
    charts.panels.flatMap((panel) => panel.markers.map((marker) => [marker.annotation.id, marker.key])),
  );
  const width = contentWidth(pdf) - INDENT;
  for (const { annotation, about, passage } of section.notes) {
    const key = keys.get(annotation.id);
    const aboutLine = `On ${about}${key ? ` (marked ${key} on its chart)` : ""}`;
    pdf.font(FONT.regular).fontSize(8.5);
    const height =
      pdf.heightOfString(aboutLine, { width }) +
      (passage ? passageHeight(pdf, passage, width) : 0) +
      annotationHeight(pdf, annotation, width) +
      8;
    keepTogether(pdf, height);
    const top = pdf.y;
    pdf
      .font(FONT.regular)
      .fontSize(8.5)
      .fillColor(COLOR.muted)
      .text(aboutLine, MARGIN.left + INDENT, top, { width });
    if (passage) printPassage(pdf, passage, { x: MARGIN.left + INDENT, width });
    printAnnotation(pdf, annotation, { x: MARGIN.left + INDENT, width });
    pdf.rect(MARGIN.left, top, BAR_WIDTH, pdf.y - top).fill(section.barColor);
    pdf.moveDown(0.8);
  }
  pdf.moveDown(0.8);
}
