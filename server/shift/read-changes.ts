// What changed on a board since an op seq, an instant, or the caller's last seen (issue 19): the handover
// panel's summary, computed by PostgreSQL from the op log in one statement (changes-sql.ts). Reads only.
// GET /api/boards/:slug/changes?since= (docs/http-api.md, "What changed").
import { CHANGE_ITEMS_LIMIT, type ChangeItem, type ChangesSummary, ZChangesQuery } from "@/lib/schemas/shift";
import type { Actor } from "../actor";
import { authorize, boardIdOfSlug } from "../boards/access";
import type { Database } from "../db/client";
import { AppError, parseInput } from "../errors";
import { type ChangesRow, changesSql, type ItemRow, type WindowRow, windowSql } from "./changes-sql";

export async function readChanges(options: {
  db: Database;
  actor: Actor;
  slug: string;
  /** The query's `since`, as given (absent: the caller's last seen). */
  since: unknown;
}): Promise<ChangesSummary> {
  const { db, actor } = options;
  const boardId = await boardIdOfSlug(db, options.slug);
  // A board the caller is not on is NOT_FOUND before anything about the query is said.
  await authorize({ db, actor, boardId, action: "board.read" });
  const { since } = parseInput(ZChangesQuery, options.since === undefined ? {} : { since: options.since });
  // Two statements: the window's bounds, then the summary of exactly that window (ops committed after the
  // first are past untilSeq and wait for the next read).
  const [window] = await db.$queryRaw<WindowRow[]>(windowSql({ boardId, userId: actor.id, since: since ?? null }));
  if (!window) throw new AppError("NOT_FOUND", "No such board");
  // For this statement only: room for the ops that count in memory (at the default 4MB they spill to a temp
  // file), and no JIT: a server built with it would compile this one-off statement for 100 ms and more
  // once a long window's cost passes jit_above_cost.
  const [, [row]] = await db.$transaction([
    db.$executeRaw`SELECT set_config('work_mem', '32MB', true), set_config('jit', 'off', true)`,
    db.$queryRaw<ChangesRow[]>(changesSql({ boardId, userId: actor.id, ...window, itemsLimit: CHANGE_ITEMS_LIMIT })),
  ]);
  if (!row) throw new Error("The changes summary answered no row");
  const items = (row.items ?? []).map(toChangeItem);
  return {
    since: { seq: window.sinceSeq, at: window.sinceAt },
    until: { seq: window.untilSeq, at: window.untilAt },
    counts: {
      events: row.events,
      observations: row.observations,
      annotations: row.annotations,
      replies: row.replies,
      edits: row.edits,
      deletions: row.deletions,
    },
    warningsCrossed: (row.warnings ?? []).map(({ indicatorId, observationId, value, threshold, direction }) => ({
      indicatorId,
      observationId,
      value,
      threshold,
      direction,
    })),
    threads: (row.threads ?? []).map(({ rootId, newReplies, mentionsYou }) => ({ rootId, newReplies, mentionsYou })),
    items: items.slice(0, CHANGE_ITEMS_LIMIT),
    itemsTruncated: items.length > CHANGE_ITEMS_LIMIT,
  };
}

const NOTE_WORDS = 12;

function toChangeItem(row: ItemRow): ChangeItem {
  return {
    seq: row.seq,
    at: row.at,
    kind: row.kind,
    opType: row.opType,
    entityId: row.entityId,
    label: changeLabel(row),
    actor: row.actorId === null ? null : { id: row.actorId, name: row.actorName ?? "" },
    ...(row.rootId === null ? {} : { rootId: row.rootId }),
    ...(row.indicatorId === null ? {} : { indicatorId: row.indicatorId }),
  };
}

/** The event's title, the note's first words, the indicator's name and the figure. */
export function changeLabel(row: ItemRow): string {
  if (row.opType === "observations.imported") return `${row.count ?? 0} figures imported`;
  if (row.opType.startsWith("observation.")) {
    const figure = row.value === null ? "a figure" : `${row.value}${row.unit ? ` ${row.unit}` : ""}`;
    return row.indicatorName ? `${row.indicatorName}: ${figure}` : figure;
  }
  if (row.body !== null) {
    const words = row.body.trim().split(/\s+/);
    return words.length > NOTE_WORDS ? `${words.slice(0, NOTE_WORDS).join(" ")}…` : words.join(" ");
  }
  return row.title ?? row.opType;
}
