// The query of the export routes (?indicators=id,id&from=…&to=…&theme=…), checked once for all formats.
import { z } from "zod";
import { CHART_THEMES } from "@/lib/charts/chart-palette";
import { ZInstant, ZUuid } from "@/lib/schemas/common";
import { ZSnapshotAsOfQuery } from "@/lib/schemas/shift";
import { AppError } from "../../errors";

const MAX_INDICATORS = 50;

/** A comma-separated list of ids in a query ("a,b"; blanks dropped), at most `max`, counted as `label` in the error. */
export function ZIdList(max: number, label: string) {
  return z
    .string()
    .transform((list) =>
      list
        .split(",")
        .map((id) => id.trim())
        .filter((id) => id !== ""),
    )
    .pipe(z.array(ZUuid).max(max, `at most ${max} ${label}`));
}

const ZIndicatorList = ZIdList(MAX_INDICATORS, "indicators");

export const ZExportQuery = z
  .object({
    /** Comma-separated indicator ids; every indicator of the board when absent or empty. */
    indicators: ZIndicatorList.optional(),
    from: ZInstant.optional(),
    to: ZInstant.optional(),
    theme: z.enum(CHART_THEMES).optional(),
    /** The board as it stood at this instant (issue 19) instead of now; a future instant is refused. */
    asOf: ZSnapshotAsOfQuery.shape.asOf.optional(),
  })
  .refine((query) => !query.from || !query.to || Date.parse(query.from) <= Date.parse(query.to), {
    message: "the range must not end before it starts",
    path: ["to"],
  });
export type TExportQuery = z.output<typeof ZExportQuery>;

/**
 * The requested indicators, each checked to be on the board (VALIDATION otherwise, since the caller
 * can already read the board and so learns nothing), or undefined for all of them.
 */
export function selectedIndicatorIds(query: TExportQuery, indicatorIds: readonly string[]): string[] | undefined {
  if (!query.indicators || query.indicators.length === 0) return undefined;
  const onBoard = new Set(indicatorIds);
  const unknown = query.indicators.filter((id) => !onBoard.has(id));
  if (unknown.length > 0) {
    throw new AppError("VALIDATION", "The request is not valid", [
      { path: ["indicators"], message: `no such indicator on this board: ${unknown.join(", ")}` },
    ]);
  }
  return query.indicators;
}

/**
 * The CSV and JSON-LD exports read their rows as they are now and keep no history: an `asOf` there is
 * refused rather than silently ignored, so a script never takes today's rows for yesterday's.
 */
export function refuseAsOf(query: Record<string, string | undefined>, what: string): void {
  if (query.asOf === undefined) return;
  throw new AppError("VALIDATION", "The request is not valid", [
    {
      path: ["asOf"],
      message: `${what} gives the board as it is now; asOf is taken by the chart, map and briefing exports`,
    },
  ]);
}
