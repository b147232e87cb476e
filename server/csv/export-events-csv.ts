// Every event on a board as CSV, with the sources it rests on, for any member.
import type { Actor } from "../actor";
import { authorize, boardIdOfSlug } from "../boards/access";
import type { Database } from "../db/client";
import { type CsvFile, csvFile } from "./write-csv";

export const EVENTS_CSV_HEADER = [
  "id",
  "title",
  "occurred_at",
  "ends_at",
  "category",
  "place",
  "description",
  "sources",
  "source_ids",
] as const;

/** Joins an event's several sources in one cell; source_ids says which they are when a title holds "; ". */
export const LIST_SEPARATOR = "; ";

export async function exportEventsCsv(options: { db: Database; actor: Actor; slug: string }): Promise<CsvFile> {
  const { db, actor, slug } = options;
  const boardId = await boardIdOfSlug(db, slug);
  await authorize({ db, actor, boardId, action: "board.read" });
  const events = await db.event.findMany({
    where: { boardId },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    include: {
      sources: {
        select: { source: { select: { id: true, title: true } } },
        orderBy: [{ source: { title: "asc" } }, { sourceId: "asc" }],
      },
    },
  });
  const rows = events.map((event) => {
    const sources = event.sources.map((link) => link.source);
    return [
      event.id,
      event.title,
      event.occurredAt.toISOString(),
      event.endsAt?.toISOString() ?? null,
      event.category,
      event.place,
      event.description,
      sources.map((source) => source.title).join(LIST_SEPARATOR),
      sources.map((source) => source.id).join(LIST_SEPARATOR),
    ];
  });
  return csvFile(`${slug}-events.csv`, EVENTS_CSV_HEADER, rows);
}
