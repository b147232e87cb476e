// One annotation as the briefing prints it: a bold lead (kind, confidence, who, when), then the text.
import type { WireAnnotation } from "@/lib/schemas/annotation";
import { formatUtc } from "@/lib/time";
import { COLOR, FONT, type Pdf } from "./briefing-document";

export function annotationLead(annotation: WireAnnotation): string {
  const kind = annotation.kind.charAt(0).toUpperCase() + annotation.kind.slice(1);
  const confidence = annotation.confidence ? ` (${annotation.confidence} confidence)` : "";
  // A threshold warning Watchfloor wrote itself should not read as an analyst's judgement.
  const author = annotation.automatic ? `Watchfloor for ${annotation.author.name}` : annotation.author.name;
  return `${kind}${confidence} · ${author} · ${formatUtc(annotation.createdAt)}`;
}

/** Prints the annotation at (x, current y) in `width`, optionally after a marker key such as "b". */
export function printAnnotation(
  pdf: Pdf,
  annotation: WireAnnotation,
  at: { x: number; width: number; key?: string },
): void {
  const options = { width: at.width, continued: true } as const;
  pdf.x = at.x;
  pdf.fontSize(9);
  if (at.key) pdf.font(FONT.bold).fillColor(COLOR.accent).text(`${at.key}  `, options);
  pdf
    .font(FONT.bold)
    .fillColor(COLOR.text)
    .text(`${annotationLead(annotation)}  `, options);
  pdf.font(FONT.regular).text(annotation.body, { width: at.width, continued: false });
}

/** How tall printAnnotation will be, for keeping an entry on one page. */
export function annotationHeight(pdf: Pdf, annotation: WireAnnotation, width: number): number {
  pdf.font(FONT.regular).fontSize(9);
  return pdf.heightOfString(`xx  ${annotationLead(annotation)}  ${annotation.body}`, { width }) + 4;
}
