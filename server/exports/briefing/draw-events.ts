// Key events: the board's events in the pack's time range, numbered as on the charts.
import type { NumberedEvent } from "@/lib/charts/chart-model";
import { formatUtc } from "@/lib/time";
import { COLOR, contentWidth, FONT, keepTogether, MARGIN, type Pdf, sectionHeading } from "./briefing-document";

const NUMBER_WIDTH = 26;

export function drawKeyEvents(pdf: Pdf, events: NumberedEvent[]): void {
  sectionHeading(pdf, "Key events", { newPage: true });
  if (events.length === 0) {
    pdf
      .font(FONT.regular)
      .fontSize(10)
      .fillColor(COLOR.muted)
      .text("No events in this time range.", MARGIN.left, pdf.y);
    return;
  }
  const width = contentWidth(pdf) - NUMBER_WIDTH;
  const x = MARGIN.left + NUMBER_WIDTH;
  for (const { number, event } of events) {
    const when = event.endsAt
      ? `${formatUtc(event.occurredAt)} – ${formatUtc(event.endsAt)}`
      : formatUtc(event.occurredAt);
    const meta = [when, event.category, event.place?.label].filter(Boolean).join(" · ");
    pdf.font(FONT.regular).fontSize(9);
    const height = pdf.heightOfString(event.description, { width }) + pdf.heightOfString(meta, { width }) + 18;
    keepTogether(pdf, height);
    const top = pdf.y;
    pdf
      .font(FONT.bold)
      .fontSize(10)
      .fillColor(COLOR.muted)
      .text(String(number), MARGIN.left, top, { width: NUMBER_WIDTH - 6, align: "right" });
    pdf.fillColor(COLOR.text).text(event.title, x, top, { width });
    pdf.font(FONT.regular).fontSize(8.5).fillColor(COLOR.muted).text(meta, x, pdf.y, { width });
    if (event.description)
      pdf
        .fontSize(9)
        .fillColor(COLOR.text)
        .text(event.description, x, pdf.y + 1, { width });
    pdf.moveDown(0.7);
  }
}
