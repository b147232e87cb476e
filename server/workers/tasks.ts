// Every kind of heavy work the worker threads do, one entry each: plain data in; bytes, plain data, or
// a stream of text chunks out. The main thread imports only the types of this table; the modules behind it (jsdom, React,
// resvg, pdfkit, the CSV writers) load in the workers alone.
import { annotationsCsvFromJson } from "../csv/annotations-csv";
import { eventsCsvText } from "../csv/events-csv";
import { observationsCsvText } from "../csv/observations-csv";
import { readObservationCsvTask } from "../csv/read-observation-csv-task";
import { renderBriefingPdf } from "../exports/briefing/render-briefing-pdf";
import { renderChartFile } from "../exports/charts/render-chart-file";
import { annotationsJsonLdText } from "../w3c/annotations-jsonld";
import { streamText } from "./stream-text";

export const TASKS = {
  chart: renderChartFile,
  "briefing-pdf": renderBriefingPdf,
  // Streamed: WorkerPool.stream hands their chunks on as they come (stream-text.ts).
  "annotations-csv": streamText(annotationsCsvFromJson),
  "events-csv": streamText(eventsCsvText),
  "observations-csv": streamText(observationsCsvText),
  "annotations-jsonld": streamText(annotationsJsonLdText),
  "read-observation-csv": readObservationCsvTask,
} satisfies TaskTable;

/** A task takes one structured-clonable value and answers with one (or a promise of one). */
// biome-ignore lint/suspicious/noExplicitAny: each task names its own input type; the table only fixes the arity.
export type TaskTable = Record<string, (input: any) => unknown>;

export type Tasks = typeof TASKS;
