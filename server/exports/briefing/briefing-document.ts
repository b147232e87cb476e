// The briefing's page: A4, DejaVu embedded (so Cyrillic and other non-Latin names print), the house
// colours, and the few layout helpers every section shares.
import PDFDocument from "pdfkit";
import { CHART_PALETTES } from "@/lib/charts/chart-palette";
import { EXPORT_FONTS } from "../charts/export-fonts";

export type Pdf = PDFKit.PDFDocument;

export const FONT = { regular: "DejaVuSans", bold: "DejaVuSans-Bold" } as const;

const paper = CHART_PALETTES.paper;
export const COLOR = {
  text: paper.text,
  muted: paper.muted,
  rule: "#d5dbe1",
  warn: paper.warn,
  accent: paper.accent,
  handlingBackground: paper.handlingBackground,
  handlingText: paper.handlingText,
} as const;

/** Room at top and bottom for the handling line, which every page carries (see draw-page-frames.ts). */
export const MARGIN = { top: 62, bottom: 70, left: 50, right: 50 } as const;

export function createBriefingDocument(info: { title: string; author: string; subject: string; createdAt: Date }): Pdf {
  const pdf = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    // Page frames are drawn once the page count is known.
    bufferPages: true,
    // Start in DejaVu: the default Helvetica has no Cyrillic.
    font: EXPORT_FONTS.regular,
    info: {
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      Creator: "Watchfloor",
      CreationDate: info.createdAt,
    },
    displayTitle: true,
    lang: "en-GB",
  });
  pdf.registerFont(FONT.regular, EXPORT_FONTS.regular);
  pdf.registerFont(FONT.bold, EXPORT_FONTS.bold);
  return pdf.font(FONT.regular).fillColor(COLOR.text);
}

export function contentWidth(pdf: Pdf): number {
  return pdf.page.width - MARGIN.left - MARGIN.right;
}

/** Starts a new page unless `height` more points fit on this one, so a block is never split. */
export function keepTogether(pdf: Pdf, height: number): void {
  if (pdf.y + height > pdf.page.height - MARGIN.bottom) pdf.addPage();
}

export function sectionHeading(pdf: Pdf, title: string, options: { newPage: boolean }): void {
  if (options.newPage) pdf.addPage();
  else keepTogether(pdf, 100);
  if (pdf.y > MARGIN.top) pdf.moveDown(1.2);
  pdf.font(FONT.bold).fontSize(16).fillColor(COLOR.text).text(title, MARGIN.left, pdf.y);
  const ruleY = pdf.y + 3;
  pdf
    .moveTo(MARGIN.left, ruleY)
    .lineTo(MARGIN.left + contentWidth(pdf), ruleY)
    .lineWidth(0.75)
    .strokeColor(COLOR.rule)
    .stroke();
  pdf.y = ruleY + 10;
}

/** A muted, smaller line under a heading that says how to read the section. */
export function readingNote(pdf: Pdf, text: string): void {
  pdf
    .font(FONT.regular)
    .fontSize(8.5)
    .fillColor(COLOR.muted)
    .text(text, MARGIN.left, pdf.y, { width: contentWidth(pdf) });
  pdf.moveDown(0.8).fillColor(COLOR.text);
}

/** The finished document as bytes. */
export function pdfToBuffer(pdf: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
    pdf.end();
  });
}
