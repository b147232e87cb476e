// The sources table: each source's title and publisher, date, its reliability grade (A–F), and the
// Admiralty grades (reliability + credibility, e.g. B2) of the observations that cite it.

import type { SourceRow } from "./briefing-content";
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

const RELIABILITY: Record<string, string> = {
  A: "completely reliable",
  B: "usually reliable",
  C: "fairly reliable",
  D: "not usually reliable",
  E: "unreliable",
  F: "cannot be judged",
};

const CELL_PADDING = 4;

/** A cell's text, and a muted second line under it (the publisher under a title). */
type Cell = { text: string; detail?: string };
type Column = { title: string; share: number; cell: (row: SourceRow) => Cell };

const COLUMNS: Column[] = [
  { title: "Source", share: 0.46, cell: ({ source }) => ({ text: source.title, detail: source.publisher }) },
  {
    title: "Published (UTC)",
    share: 0.15,
    cell: ({ source }) => ({ text: source.publishedAt?.slice(0, 10) ?? "undated" }),
  },
  { title: "Reliability", share: 0.21, cell: ({ source }) => ({ text: reliabilityText(source.reliability) }) },
  { title: "Observation grades", share: 0.18, cell: ({ citedGrades }) => ({ text: citedGrades.join(", ") || "none" }) },
];

export function drawSources(pdf: Pdf, rows: SourceRow[]): void {
  sectionHeading(pdf, "Sources", { newPage: false });
  readingNote(
    pdf,
    "Reliability of the source: A completely reliable … E unreliable, F cannot be judged. Observations carry the " +
      "Admiralty grade: that letter and the credibility of the information, 1 confirmed … 5 improbable, 6 cannot be judged.",
  );
  if (rows.length === 0) {
    pdf.font(FONT.regular).fontSize(10).fillColor(COLOR.muted).text("The board lists no sources.", MARGIN.left, pdf.y);
    return;
  }
  const widths = COLUMNS.map((column) => column.share * contentWidth(pdf));
  drawRow(
    pdf,
    COLUMNS.map((column) => ({ text: column.title })),
    widths,
    { header: true },
  );
  for (const row of rows)
    drawRow(
      pdf,
      COLUMNS.map((column) => column.cell(row)),
      widths,
      { header: false },
    );
}

function drawRow(pdf: Pdf, cells: Cell[], widths: number[], options: { header: boolean }): void {
  pdf.font(options.header ? FONT.bold : FONT.regular).fontSize(options.header ? 8.5 : 9);
  const textWidth = (index: number) => (widths[index] ?? 0) - 2 * CELL_PADDING;
  const cellHeight = (cell: Cell, index: number) =>
    pdf.heightOfString(cell.text, { width: textWidth(index) }) +
    (cell.detail ? pdf.heightOfString(cell.detail, { width: textWidth(index) }) : 0);
  const height = Math.max(...cells.map(cellHeight)) + 2 * CELL_PADDING;
  keepTogether(pdf, height);
  const top = pdf.y;
  let x = MARGIN.left;
  cells.forEach((cell, index) => {
    pdf.fillColor(options.header ? COLOR.muted : COLOR.text);
    pdf.text(cell.text, x + CELL_PADDING, top + CELL_PADDING, { width: textWidth(index) });
    if (cell.detail) pdf.fillColor(COLOR.muted).text(cell.detail, x + CELL_PADDING, pdf.y, { width: textWidth(index) });
    x += widths[index] ?? 0;
  });
  const bottom = top + height;
  pdf.moveTo(MARGIN.left, bottom).lineTo(MARGIN.left + contentWidth(pdf), bottom);
  pdf
    .lineWidth(options.header ? 0.75 : 0.5)
    .strokeColor(COLOR.rule)
    .stroke();
  pdf.y = bottom;
}

export function reliabilityText(grade: string | null): string {
  if (!grade) return "not graded";
  const meaning = RELIABILITY[grade];
  return meaning ? `${grade} – ${meaning}` : grade;
}
