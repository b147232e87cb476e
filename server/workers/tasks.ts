// Every kind of heavy work the worker threads do, one entry each: plain data in; bytes, plain data, or
// a stream of text chunks out. The main thread imports only the types of this table. A worker loads a
// task's modules (jsdom, React, resvg, pdfkit, csv-parse…) the first time it runs that task, so a thread
// starts in a fraction of a second and an app that never exports never loads them.
import { type StreamInput, streamText } from "./stream-text";

export const TASKS = {
  chart: task(async () => (await import("../exports/charts/render-chart-file")).renderChartFile),
  map: task(async () => (await import("../exports/map/render-map-task")).renderMapTask),
  "briefing-pdf": task(async () => (await import("../exports/briefing/render-briefing-pdf")).renderBriefingPdf),
  "briefing-pptx": task(async () => (await import("../exports/deck/render-briefing-deck")).renderBriefingDeck),
  // Streamed: WorkerPool.stream hands their chunks on as they come (stream-text.ts).
  "annotations-csv": streamed(async () => (await import("../csv/annotations-csv")).annotationsCsvFromJson),
  "events-csv": streamed(async () => (await import("../csv/events-csv")).eventsCsvText),
  "observations-csv": streamed(async () => (await import("../csv/observations-csv")).observationsCsvText),
  "annotations-jsonld": streamed(async () => (await import("../w3c/annotations-jsonld")).annotationsJsonLdText),
  "read-observation-csv": task(async () => (await import("../csv/read-observation-csv-task")).readObservationCsvTask),
  "diff-versions": task(async () => (await import("../documents/diff-versions-task")).diffVersionsTask),
  reanchor: task(async () => (await import("../documents/reanchor-task")).reanchorTask),
  "extract-document": task(
    async () => (await import("../documents/extract/extract-document-task")).extractDocumentTask,
  ),
  "extract-candidates": task(async () => (await import("../extraction/extract-candidates-task")).extractCandidatesTask),
  "board-as-of": task(async () => (await import("../history/board-as-of-task")).boardAsOfTask),
  "gazetteer-index": task(async () => (await import("../places/build-gazetteer-index")).gazetteerIndexTask),
} satisfies TaskTable;

/** A task takes one structured-clonable value and answers with one (or a promise of one). */
// biome-ignore lint/suspicious/noExplicitAny: each task names its own input type; the table only fixes the arity.
export type TaskTable = Record<string, (input: any) => unknown>;

export type Tasks = typeof TASKS;

/** A task whose function is loaded on first use. */
// biome-ignore lint/suspicious/noExplicitAny: as TaskTable: the loaded function's own input type is kept.
function task<F extends (input: any) => unknown>(load: () => Promise<F>) {
  return async (input: Parameters<F>[0]): Promise<Awaited<ReturnType<F>>> =>
    (await load())(input) as Awaited<ReturnType<F>>;
}

/** A streamed task whose text pieces come from a function loaded on first use. */
function streamed<D>(load: () => Promise<(data: D) => Iterable<string>>) {
  return async (input: StreamInput<D>): Promise<void> => streamText(await load())(input);
}
