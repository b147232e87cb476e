// GET /api/boards/:slug/export/briefing.pptx: the briefing as slides (render-briefing-deck.ts). The board
// is read, the reader authorized and the query checked here, on the main thread, exactly as for the
// briefing PDF; the deck is built in a worker thread.
import { z } from "zod";
import { ZUuid } from "@/lib/schemas/common";
import type { Actor } from "../../actor";
import type { Database } from "../../db/client";
import { AppError, parseInput } from "../../errors";
import type { WorkerPool } from "../../workers/create-worker-pool";
import { type ExportFile, exportFilename } from "../charts/export-file";
import { selectedIndicatorIds, ZExportQuery } from "../charts/export-query";
import { readBoardForExport } from "../charts/read-board-for-export";

export const PPTX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

const MAX_ASSESSMENTS = 500;

/**
 * `assessments=id,id`: exactly those; `all`: every assessment on the board; empty: none; absent: the
 * briefing pack's own choice. "all" keeps the dialog's default short: the ids of a big board's
 * assessments would not fit in a request line.
 */
const ZDeckQuery = z.object({
  assessments: z
    .union([
      z.literal("all"),
      z
        .string()
        .transform((list) =>
          list
            .split(",")
            .map((id) => id.trim())
            .filter((id) => id !== ""),
        )
        .pipe(z.array(ZUuid).max(MAX_ASSESSMENTS, `at most ${MAX_ASSESSMENTS} assessments`)),
    ])
    .optional(),
});

export async function exportBriefingDeck(options: {
  db: Database;
  workers: WorkerPool;
  actor: Actor;
  slug: string;
  /** The URL's query as strings: indicators, assessments (comma-separated ids or "all"), from, to, theme. */
  query: unknown;
  /** The export's timestamp; now, unless a test pins it. */
  now?: Date;
}): Promise<ExportFile> {
  const query = parseInput(ZExportQuery, options.query);
  const { assessments } = parseInput(ZDeckQuery, options.query);
  const board = await readBoardForExport(options);
  if (Array.isArray(assessments)) await checkAssessments(options.db, options.slug, assessments);
  const exportedAt = options.now ?? new Date();
  const body = await options.workers.run("briefing-pptx", {
    snapshotJson: board.snapshotJson,
    selection: {
      indicatorIds: selectedIndicatorIds(query, board.indicatorIds),
      from: query.from,
      to: query.to,
      assessmentIds: assessments,
    },
    theme: query.theme ?? "paper",
    exporterName: options.actor.name,
    exportedAt,
  });
  return {
    contentType: PPTX_CONTENT_TYPE,
    body,
    filename: exportFilename(options.slug, "briefing", exportedAt, "pptx"),
  };
}

/** Every chosen id must be a live assessment on this board (VALIDATION otherwise, as for indicators). */
async function checkAssessments(db: Database, slug: string, ids: string[]): Promise<void> {
  const found = await db.annotation.findMany({
    where: { id: { in: ids }, kind: "assessment", deletedAt: null, board: { slug } },
    select: { id: true },
  });
  const known = new Set(found.map(({ id }) => id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new AppError("VALIDATION", "The request is not valid", [
      { path: ["assessments"], message: `no such assessment on this board: ${unknown.join(", ")}` },
    ]);
  }
}
