// What every export hands its route: bytes, their type, and a file name for Content-Disposition.
import type { Readable } from "node:stream";

export type ExportFile = { contentType: string; body: Buffer; filename: string };

/** A file that leaves the worker in chunks and goes to the response as they come (CSV, JSON-LD). */
export type StreamedExportFile = { contentType: string; body: Readable; filename: string };

/** "russia-ukraine-2022-01-chart-20220115T1030Z.png": sorts by time, safe in any file system. */
export function exportFilename(slug: string, what: string, exportedAt: Date, extension: string): string {
  const stamp = exportedAt
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\d\d\.\d{3}Z$/, "Z");
  return `${slug}-${what}-${stamp}.${extension}`;
}
