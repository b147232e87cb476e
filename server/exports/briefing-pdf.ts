// GET /api/boards/:slug/export/briefing.pdf: a briefing pack rendered on the server, no browser
// involved: cover, the selected charts with their annotations, key events, open warnings,
// assessments with confidence, and the sources with their grades; the handling line on every page.
import { formatUtc } from "@/lib/time";
import type { Actor } from "../actor";
import type { Database } from "../db/client";
import { parseInput } from "../errors";
import { selectBriefingContent } from "./briefing/briefing-content";
import { COLOR, createBriefingDocument, pdfToBuffer } from "./briefing/briefing-document";
import { drawCharts } from "./briefing/draw-charts";
import { drawCover } from "./briefing/draw-cover";
import { drawKeyEvents } from "./briefing/draw-events";
import { drawNotes } from "./briefing/draw-notes";
import { drawPageFrames } from "./briefing/draw-page-frames";
import { drawSources } from "./briefing/draw-sources";
import { renderBriefingCharts } from "./briefing/render-briefing-charts";
import { type ExportFile, exportFilename } from "./charts/export-file";
import { selectedIndicatorIds, ZExportQuery } from "./charts/export-query";
import { readBoardForExport } from "./charts/read-board-for-export";

export async function exportBriefingPdf(options: {
  db: Database;
  actor: Actor;
  slug: string;
  /** The URL's query as strings: indicators (comma-separated ids), from, to. */
  query: unknown;
  /** The export's timestamp; now, unless a test pins it. */
  now?: Date;
}): Promise<ExportFile> {
  const query = parseInput(ZExportQuery, options.query);
  const snapshot = await readBoardForExport(options);
  const exportedAt = options.now ?? new Date();
  const content = selectBriefingContent(snapshot, {
    indicatorIds: selectedIndicatorIds(query, snapshot),
    from: query.from,
    to: query.to,
  });
  const charts = await renderBriefingCharts(content.charts);

  const { board } = snapshot;
  const pdf = createBriefingDocument({
    title: `Briefing: ${board.title}`,
    author: options.actor.name,
    subject: board.handling,
    createdAt: exportedAt,
  });
  drawCover(pdf, content, { name: options.actor.name, exportedAt });
  drawCharts(pdf, charts);
  drawKeyEvents(pdf, content.keyEvents);
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
    footer: `${board.title} · briefing exported by ${options.actor.name} at ${formatUtc(exportedAt.toISOString())}`,
  });
  return {
    contentType: "application/pdf",
    body: await pdfToBuffer(pdf),
    filename: exportFilename(board.slug, "briefing", exportedAt, "pdf"),
  };
}
