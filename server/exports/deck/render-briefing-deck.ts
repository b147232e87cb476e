// The briefing deck as .pptx bytes, from plain data: runs in a worker thread (server/workers/, task
// "briefing-pptx"), which the main thread hands the board snapshot it read. Title, one slide per chosen
// indicator, the map, the timeline, the chosen assessments and the sources, in that order; the handling
// line on every slide through the master.
import PptxGenJS from "pptxgenjs";
import type { ChartTheme } from "@/lib/charts/chart-palette";
import type { BoardSnapshot } from "@/lib/schemas/board";
import { formatUtc } from "@/lib/time";
import { xmlSafeText } from "@/lib/xml-safe-text";
import { renderBriefingCharts } from "../briefing/render-briefing-charts";
import { asKnownAtLine } from "../charts/as-known-at";
import { addAssessmentSlides } from "./assessment-slides";
import { addChartSlides } from "./chart-slides";
import { type DeckSelection, selectDeckContent } from "./deck-content";
import { defineDeckMaster } from "./deck-layout";
import { addMapSlide, renderDeckMap } from "./map-slide";
import { addSourceSlides } from "./source-slides";
import { tidyPptxPackage } from "./tidy-package";
import { addTimelineSlides } from "./timeline-slides";
import { addTitleSlide } from "./title-slide";

/** SVG units across the slide's 12.3 inches: chart text of 11 px shows at about 9 pt. */
const DECK_FIGURE = { width: 1100, height: 330 } as const;

export type BriefingDeckInput = {
  /** The board snapshot as JSON text, parsed here, off the event loop. */
  snapshotJson: string;
  selection: DeckSelection;
  theme: ChartTheme;
  exporterName: string;
  exportedAt: Date;
  /** The instant an as-of export shows the board at (issue 19); null or absent for the board now. */
  knownAt?: Date | null;
};

export async function renderBriefingDeck(input: BriefingDeckInput): Promise<Buffer> {
  const { exportedAt } = input;
  // Every text on a slide comes from the snapshot or the exporter's name, so cleaning each string here,
  // once, keeps the control characters stored text may hold out of every part pptxgenjs writes.
  const snapshot = JSON.parse(input.snapshotJson, (_key, value) =>
    typeof value === "string" ? xmlSafeText(value) : value,
  ) as BoardSnapshot;
  const exporterName = xmlSafeText(input.exporterName);
  const content = selectDeckContent(snapshot, input.selection);
  const { board } = snapshot;
  const knownAtLine = input.knownAt ? asKnownAtLine(input.knownAt) : null;

  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_WIDE";
  pptx.title = `Briefing: ${board.title}`;
  pptx.subject = board.handling;
  pptx.author = exporterName;
  pptx.company = "Watchfloor";
  defineDeckMaster(pptx, {
    handling: board.handling,
    footer: `${knownAtLine ? `${knownAtLine} · ` : ""}${board.title} · briefing exported by ${exporterName} at ${formatUtc(exportedAt.toISOString())}`,
  });

  addTitleSlide(pptx, content, { name: exporterName, exportedAt, knownAtLine });
  addChartSlides(
    pptx,
    await renderBriefingCharts(content.charts, { ...DECK_FIGURE, theme: input.theme }),
    content.charts,
  );
  addMapSlide(pptx, await renderDeckMap(snapshot, content.charts), snapshot, content.charts);
  addTimelineSlides(pptx, content.keyEvents);
  addAssessmentSlides(pptx, content.assessments);
  addSourceSlides(pptx, content.sources);
  // Stored uncompressed here: tidyPptxPackage unzips it again and compresses once.
  return tidyPptxPackage((await pptx.write({ outputType: "nodebuffer" })) as Buffer);
}
