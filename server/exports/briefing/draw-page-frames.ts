// Every page of a briefing carries the board's handling line at its top and bottom edge, and a footer
// saying which board, who exported it, when, and the page number, so a loose sheet still says what
// it is and how to treat it.
import { COLOR, contentWidth, FONT, MARGIN, type Pdf } from "./briefing-document";

const BAND_HEIGHT = 16;
const BAND_INSET = 22;

export function drawPageFrames(pdf: Pdf, frame: { handling: string; footer: string }): void {
  const { start, count } = pdf.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    pdf.switchToPage(index);
    // Text below the bottom margin would otherwise make pdfkit start a new page.
    const margins = { ...pdf.page.margins };
    pdf.page.margins = { ...margins, top: 0, bottom: 0 };
    drawHandlingBand(pdf, BAND_INSET, oneLine(frame.handling));
    drawHandlingBand(pdf, pdf.page.height - BAND_INSET - BAND_HEIGHT, oneLine(frame.handling));
    const footerY = pdf.page.height - BAND_INSET - BAND_HEIGHT - 16;
    pdf.font(FONT.regular).fontSize(7.5).fillColor(COLOR.muted);
    pdf.text(oneLine(frame.footer), MARGIN.left, footerY, {
      width: contentWidth(pdf) - 70,
      lineBreak: false,
      ellipsis: true,
    });
    pdf.text(`Page ${index - start + 1} of ${count}`, MARGIN.left, footerY, {
      width: contentWidth(pdf),
      align: "right",
      lineBreak: false,
    });
    pdf.page.margins = margins;
  }
}

/**
 * pdfkit breaks a line at every line break even with lineBreak off, so a handling line or title typed on two
 * lines would spill out of the band; they are drawn on one, as the SVG exports draw them.
 */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ");
}

/** The screen's handling strip: dark amber with pale text. An empty line leaves a plain rule. */
function drawHandlingBand(pdf: Pdf, y: number, handling: string): void {
  const width = contentWidth(pdf);
  if (handling.trim() === "") {
    pdf.moveTo(MARGIN.left, y + BAND_HEIGHT / 2).lineTo(MARGIN.left + width, y + BAND_HEIGHT / 2);
    pdf.lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    return;
  }
  pdf.rect(MARGIN.left, y, width, BAND_HEIGHT).fill(COLOR.handlingBackground);
  pdf.font(FONT.bold).fontSize(8.5).fillColor(COLOR.handlingText);
  pdf.text(handling, MARGIN.left, y + 3.5, { width, align: "center", lineBreak: false, ellipsis: true });
}
