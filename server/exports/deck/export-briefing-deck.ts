// GET /api/boards/:slug/export/briefing.pptx: the briefing as slides (render-briefing-deck.ts). The board
// is read, the reader authorized and the query checked here, on the main thread, exactly as for the
// briefing PDF; the deck is built in a worker thread.
import { z } from "zod";
import { LIMITS } from "@/lib/schemas/common";
import type { Actor } from "../../actor";
import type { Database } from "../../db/client";
import { AppError, parseInput } from "../../errors";
import type { WorkerPool } from "../../workers/create-worker-pool";
import { type ExportFile, exportFilename } from "../charts/export-file";
import { selectedIndicatorIds, ZExportQuery, ZIdList } from "../charts/export-query";
import { readBoardForExport } from "../charts/read-board-for-export";
import type { DeckSelection } from "./deck-content";

export const PPTX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

const MAX_IDS = LIMITS.deckAssessmentIds;
const ZAssessmentList = ZIdList(MAX_IDS, "assessments");

/**
 * `assessments=id,id`: exactly those; `all`: every assessment on the board, but those in `except=id,id`
 * if given; empty: none; absent: the briefing pack's own choice. Each list holds at most
 * LIMITS.deckAssessmentIds ids, so the URL stays within Node's 16 KiB header limit: the dialog sends
 * whichever of the ticked and the unticked list is shorter (docs/exports.md).
 */
const ZDeckQuery = z
  .object({
    assessments: z
      .string()
      // Not a z.union: a union's error says "Invalid input" and hides the list's own ("at most 300 …").
      .transform((value, context) => {
        if (value === "all") return "all" as const;
        const list = ZAssessmentList.safeParse(value);
        if (list.success) return list.data;
        for (const { message } of list.error.issues) context.addIssue({ code: "custom", message });
        return z.NEVER;
      })
      .optional(),
    except: ZIdList(MAX_IDS, "assessments left out").optional(),
  })
  .refine((query) => query.except === undefined || query.assessments === "all", {
    message: "except goes with assessments=all",
    path: ["except"],
  })
  .transform(({ assessments, except }): DeckSelection["assessmentIds"] =>
    assessments === "all" ? { except: except ?? [] } : assessments,
  );

export async function exportBriefingDeck(options: {
  db: Database;
  workers: WorkerPool;
  actor: Actor;
  slug: string;
  /** The URL's query as strings: indicators, assessments (comma-separated ids or "all"), except, from, to, theme, asOf. */
  query: unknown;
  /** The export's timestamp; now, unless a test pins it. */
  now?: Date;
}): Promise<ExportFile> {
  const query = parseInput(ZExportQuery, options.query);
  const assessments = parseInput(ZDeckQuery, options.query);
  const board = await readBoardForExport({ ...options, asOf: query.asOf });
  if (Array.isArray(assessments)) await checkAssessments(options.db, options.slug, assessments, query.asOf);
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
    knownAt: board.knownAt,
    exportedAt,
  });
  return {
    contentType: PPTX_CONTENT_TYPE,
    body,
    filename: exportFilename(options.slug, "briefing", exportedAt, "pptx"),
  };
}

/**
 * Every chosen id must be a live assessment on this board (VALIDATION otherwise, as for indicators); as of
 * an instant, one written by then, even if deleted since (a deleted note keeps its row).
 */
async function checkAssessments(db: Database, slug: string, ids: string[], asOf: string | undefined): Promise<void> {
  const when = asOf === undefined ? { deletedAt: null } : { createdAt: { lte: new Date(asOf) } };
  const found = await db.annotation.findMany({
    where: { id: { in: ids }, kind: "assessment", board: { slug }, ...when },
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
