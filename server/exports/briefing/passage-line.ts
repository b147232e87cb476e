// A passage note's quote as the briefing prints it, between what the note is on and the note itself:
// in quotation marks, and saying so when the passage is no longer in the source's current version.
import { COLOR, FONT, type Pdf } from "./briefing-document";
import type { BriefingPassage } from "./briefing-passage";

const GAP_AFTER = 2;

function lostLine(passage: BriefingPassage): string {
  return passage.lostInVersion === null ? "" : `  (no longer found in version ${passage.lostInVersion})`;
}

/** Prints the quote at (x, current y) in `width`. */
export function printPassage(pdf: Pdf, passage: BriefingPassage, at: { x: number; width: number }): void {
  const lost = lostLine(passage);
  pdf.x = at.x;
  pdf
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(COLOR.text)
    .text(`“${passage.quote}”`, { width: at.width, continued: lost !== "" });
  if (lost) pdf.fillColor(COLOR.muted).fontSize(8.5).text(lost, { width: at.width, continued: false });
  pdf.y += GAP_AFTER;
}

/** How tall printPassage will be, for keeping an entry on one page. */
export function passageHeight(pdf: Pdf, passage: BriefingPassage, width: number): number {
  pdf.font(FONT.regular).fontSize(9);
  return pdf.heightOfString(`“${passage.quote}”${lostLine(passage)}`, { width }) + GAP_AFTER;
}
