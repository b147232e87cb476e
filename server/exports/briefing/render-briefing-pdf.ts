// The briefing pack as PDF bytes, from plain data: runs in a worker thread (server/workers/), which the
// main thread hands the board snapshot it read. Cover, the selected charts with their annotations, key
// events and a map of where they happened, open warnings, assessments with confidence, and the sources
// with their grades; the handling line on every page.
import type { ChartSelection } from "@/lib/charts/chart-model";
import type { BoardSnapshot } from "@/lib/schemas/board";
import { formatUtc } from "@/lib/time";
import { asKnownAtLine } from "../charts/as-known-at";
import { xmlSafeData } from "../charts/xml-safe-data";
import { selectBriefingContent } from "./briefing-content";
import { COLOR, createBriefingDocument, pdfToBuffer } from "./briefing-document";
import { drawCharts } from "./draw-charts";
import { drawCover } from "./draw-cover";
import { drawKeyEvents } from "./draw-events";
import { drawMap } from "./draw-map";
import { drawNotes } from "./draw-notes";
import { drawPageFrames } from "./draw-page-frames";
import { drawSources } from "./draw-sources";
import { renderBriefingCharts } from "./render-briefing-charts";

export type BriefingPdfInput = {
  /** The board snapshot as JSON text, parsed here, off the event loop. */
  snapshotJson: string;
  selection: ChartSelection;
  exporterName: string;
  exportedAt: Date;
  /** The instant an as-of export shows the board at (issue 19); null or absent for the board now. */
  knownAt?: Date | null;
};

export async function renderBriefingPdf(input: BriefingPdfInput): Promise<Buffer> {
  const { exportedAt } = input;
  // Stored text may hold control characters: pdfkit would draw each as a missing-glyph box (and the SVG
  // charts could not hold them at all); vertical tabs and form feeds become the line breaks they meant.
  const snapshot = xmlSafeData(JSON.parse(input.snapshotJson) as BoardSnapshot);
  const exporterName = xmlSafeData(input.exporterName);
  const content = selectBriefingContent(snapshot, input.selection);
  const charts = await renderBriefingCharts(content.charts);

  const { board } = snapshot;
  const pdf = createBriefingDocument({
    title: `Briefing: ${board.title}`,
    author: exporterName,
    subject: board.handling,
    createdAt: exportedAt,
  });
  const knownAtLine = input.knownAt ? asKnownAtLine(input.knownAt) : null;
  drawCover(pdf, content, { name: exporterName, exportedAt, knownAtLine });
  drawCharts(pdf, charts);
  drawKeyEvents(pdf, content.keyEvents);
  await drawMap(pdf, snapshot, content.charts.domain);
  drawNotes(
    pdf,
    {
      title: "Open warnings",
      note: "Warnings whose thread is not resolved.",
      emptyText: "No open warnings.",
      notes: content.openWarnings,
      barColor: COLOR.warn,
    },
    content.charts,
  );
  drawNotes(
    pdf,
    {
      title: "Assessments",
      note: "Analytic judgements, each with the confidence its author gave it.",
      emptyText: "No assessments.",
      notes: content.assessments,
      barColor: COLOR.accent,
    },
    content.charts,
  );
  drawSources(pdf, content.sources);
  drawPageFrames(pdf, {
    handling: board.handling,
    footer: `${knownAtLine ? `${knownAtLine} · ` : ""}${board.title} · briefing exported by ${exporterName} at ${formatUtc(exportedAt.toISOString())}`,
  });
  return pdfToBuffer(pdf);
}
