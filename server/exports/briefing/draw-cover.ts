// The cover: what the pack is about (board, time range, indicators), how to handle it, who made it
// and when, and what is inside.
import { formatUtc } from "@/lib/time";
import type { BriefingContent } from "./briefing-content";
import { COLOR, contentWidth, FONT, MARGIN, type Pdf } from "./briefing-document";

const LABEL_WIDTH = 110;

export function drawCover(
  pdf: Pdf,
  content: BriefingContent,
  author: { name: string; exportedAt: Date; knownAtLine: string | null },
): void {
  const { board } = content.snapshot;
  const width = contentWidth(pdf);
  const [start, end] = content.charts.domain;
  pdf.y = 130;
  pdf.font(FONT.bold).fontSize(10).fillColor(COLOR.muted).text("BRIEFING PACK", MARGIN.left, pdf.y);
  pdf.moveDown(0.6);
  pdf.font(FONT.bold).fontSize(24).fillColor(COLOR.text).text(board.title, { width });
  if (board.description) {
    pdf.moveDown(0.4);
    pdf.font(FONT.regular).fontSize(11).fillColor(COLOR.muted).text(board.description, { width });
  }
  if (author.knownAtLine) {
    // The pack shows the board as it stood then: said large, under the title, before anything is read.
    pdf.moveDown(0.8);
    pdf.font(FONT.bold).fontSize(16).fillColor(COLOR.accent).text(author.knownAtLine.toUpperCase(), { width });
  }
  pdf.moveDown(1.5);
  if (board.handling.trim()) drawHandlingBox(pdf, board.handling);

  details(pdf, [
    ["Time range", `${formatUtc(new Date(start).toISOString())} – ${formatUtc(new Date(end).toISOString())} (UTC)`],
    ["Indicators", content.charts.panels.map((panel) => panel.indicator.name).join("; ") || "none"],
    ["Prepared by", author.name],
    ["Exported", formatUtc(author.exportedAt.toISOString())],
    ["Board", `${board.slug}${board.archived ? " (archived)" : ""}`],
  ]);

  pdf.moveDown(1.2);
  pdf.font(FONT.bold).fontSize(12).fillColor(COLOR.text).text("Contents", MARGIN.left, pdf.y);
  pdf.moveDown(0.3);
  details(pdf, [
    ["Indicators", count(content.charts.panels.length, "chart")],
    ["Key events", count(content.keyEvents.length, "event")],
    ["Open warnings", count(content.openWarnings.length, "warning")],
    ["Assessments", count(content.assessments.length, "assessment")],
    ["Sources", count(content.sources.length, "source")],
  ]);
}

function drawHandlingBox(pdf: Pdf, handling: string): void {
  const width = contentWidth(pdf);
  const top = pdf.y;
  pdf.font(FONT.bold).fontSize(12);
  const height = pdf.heightOfString(handling, { width: width - 24 }) + 30;
  pdf.rect(MARGIN.left, top, width, height).fill(COLOR.handlingBackground);
  pdf
    .font(FONT.regular)
    .fontSize(8)
    .fillColor(COLOR.handlingText)
    .text("HANDLING", MARGIN.left + 12, top + 7);
  pdf
    .font(FONT.bold)
    .fontSize(12)
    .text(handling, MARGIN.left + 12, top + 18, { width: width - 24 });
  pdf.y = top + height + 18;
}

/** Label and value rows, the labels in a muted column of their own. */
function details(pdf: Pdf, rows: [label: string, value: string][]): void {
  const valueWidth = contentWidth(pdf) - LABEL_WIDTH;
  for (const [label, value] of rows) {
    const top = pdf.y;
    pdf.font(FONT.regular).fontSize(10).fillColor(COLOR.muted).text(label, MARGIN.left, top, { width: LABEL_WIDTH });
    pdf.fillColor(COLOR.text).text(value, MARGIN.left + LABEL_WIDTH, top, { width: valueWidth });
    pdf.y += 4;
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
