// Exports keep their bytes now that worker threads make them (issue 11). tests/fixtures/exports/ holds
// what the in-process code produced for the demo board before the move (commit c40f8f5), with the data
// it read from the database (input.json); here the same data goes through the worker pool and the
// answers are compared. Two formats were not byte-stable before the move either, so they are compared
// as they can be: an SVG after its process-wide element ids are numbered canonically (two exports in a
// row already differed there), a PDF as its pages' text, its images and its length (pdfkit wrote the
// chart images in whichever order they finished).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BoardSnapshot } from "@/lib/schemas/board";
import type { EventCsvRow } from "@/server/csv/events-csv";
import type { ObservationCsvRow } from "@/server/csv/observations-csv";
import { canonicalIds } from "@/server/exports/charts/canonical-ids";
import { createLogger } from "@/server/logger";
import { createWorkerPool, type WorkerPool } from "@/server/workers/create-worker-pool";
import type { Tasks } from "@/server/workers/tasks";

const DIR = path.resolve(import.meta.dirname, "../fixtures/exports");
const golden = (name: string) => readFileSync(path.join(DIR, name));

type GoldenInput = {
  slug: string;
  exportedAt: Date;
  baseUrl: string;
  actor: { id: string; name: string; email: string };
  snapshot: BoardSnapshot;
  events: EventCsvRow[];
  observations: ObservationCsvRow[];
};

/** input.json keeps the Prisma rows' Dates as {"$date": iso}. */
const input: GoldenInput = JSON.parse(golden("input.json").toString("utf8"), (_key, value) =>
  value && typeof value === "object" && typeof value.$date === "string" ? new Date(value.$date) : value,
);
input.exportedAt = new Date(input.exportedAt);
/** Exports hand the worker the snapshot as JSON text (read-board-for-export.ts). */
const snapshotJson = JSON.stringify(input.snapshot);

let workers: WorkerPool;

beforeAll(() => {
  workers = createWorkerPool({ threads: 1, maxQueue: 8, taskTimeoutMs: 120_000, logger: createLogger("silent") });
});

afterAll(async () => {
  await workers?.close();
});

const chart = (format: "svg" | "png", theme?: "paper") =>
  workers.run("chart", {
    format,
    snapshotJson,
    theme,
    exporterName: input.actor.name,
    exportedAt: input.exportedAt,
  });

describe("exports made in a worker thread are those the in-process code made", () => {
  it("the chart SVG, in both themes, and the same again on a second export", async () => {
    const svg = await chart("svg");
    expect(svg.toString("utf8")).toBe(canonicalIds(golden("chart.svg").toString("utf8")));
    expect((await chart("svg")).equals(svg)).toBe(true);
    expect((await chart("svg", "paper")).toString("utf8")).toBe(
      canonicalIds(golden("chart-paper.svg").toString("utf8")),
    );
  });

  it("the chart PNG, byte for byte", async () => {
    expect((await chart("png")).equals(golden("chart.png"))).toBe(true);
  });

  it("the briefing PDF: the same pages, text, images and length", async () => {
    const pdf = await workers.run("briefing-pdf", {
      snapshotJson,
      selection: {},
      exporterName: input.actor.name,
      exportedAt: input.exportedAt,
    });
    const before = golden("briefing.pdf");
    expect(pdf.length).toBe(before.length);
    expect(await pdfPages(pdf)).toEqual(await pdfPages(before));
    expect(imageDigests(pdf)).toEqual(imageDigests(before));
  });

  it("the three CSV files, byte for byte", async () => {
    expect((await streamed("annotations-csv", snapshotJson)).equals(golden("annotations.csv"))).toBe(true);
    expect((await streamed("events-csv", input.events)).equals(golden("events.csv"))).toBe(true);
    expect((await streamed("observations-csv", input.observations)).equals(golden("observations.csv"))).toBe(true);
  });

  it("the JSON-LD collection, byte for byte", async () => {
    const jsonLd = await streamed("annotations-jsonld", { snapshotJson, baseUrl: input.baseUrl });
    expect(jsonLd.equals(golden("annotations.jsonld"))).toBe(true);
  });
});

/** A streamed export's chunks, put together. */
async function streamed<K extends "annotations-csv" | "events-csv" | "observations-csv" | "annotations-jsonld">(
  task: K,
  data: Parameters<Tasks[K]>[0]["data"],
): Promise<Buffer> {
  const body = await workers.stream(task, data as never);
  return Buffer.concat(await body.toArray());
}

async function pdfPages(pdf: Buffer): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).pages.map((page) => page.text);
  } finally {
    await parser.destroy();
  }
}

/** The embedded images' streams, hashed and sorted: the same pictures, whatever their object numbers. */
function imageDigests(pdf: Buffer): string[] {
  const text = pdf.toString("latin1");
  const digests: string[] = [];
  for (const match of text.matchAll(/\/Subtype \/Image[\s\S]*?stream\n([\s\S]*?)\nendstream/g)) {
    digests.push(
      createHash("sha256")
        .update(match[1] ?? "", "latin1")
        .digest("hex"),
    );
  }
  return digests.sort();
}
