// Every kind of heavy work the worker threads do, one entry each: plain data in, bytes (or plain data)
// out. The main thread imports only the types of this table; the modules behind it (jsdom, React,
// resvg, pdfkit, the CSV writers) load in the workers alone.
import { annotationsCsv } from "../csv/annotations-csv";
import { eventsCsv } from "../csv/events-csv";
import { observationsCsv } from "../csv/observations-csv";
import { readObservationCsvTask } from "../csv/read-observation-csv-task";
import { renderBriefingPdf } from "../exports/briefing/render-briefing-pdf";
import { renderChartFile } from "../exports/charts/render-chart-file";
import { annotationsJsonLd } from "../w3c/annotations-jsonld";

export const TASKS = {
  chart: renderChartFile,
  "briefing-pdf": renderBriefingPdf,
  "annotations-csv": annotationsCsv,
  "events-csv": eventsCsv,
  "observations-csv": observationsCsv,
  "annotations-jsonld": annotationsJsonLd,
  "read-observation-csv": readObservationCsvTask,
} satisfies TaskTable;

/** A task takes one structured-clonable value and answers with one (or a promise of one). */
// biome-ignore lint/suspicious/noExplicitAny: each task names its own input type; the table only fixes the arity.
export type TaskTable = Record<string, (input: any) => unknown>;

export type Tasks = typeof TASKS;
