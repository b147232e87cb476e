// The events CSV from the rows export-events-csv.ts reads: runs in a worker thread (server/workers/).
import type { Event } from "../db/generated/client";
import { admiraltyGrade } from "./admiralty-grade";
import { csvText } from "./write-csv";

export const EVENTS_CSV_HEADER = [
  "id",
  "title",
  "occurred_at",
  "ends_at",
  "category",
  "place",
  "longitude",
  "latitude",
  "description",
  "grade",
  "sources",
  "source_ids",
] as const;

/** Joins an event's several sources in one cell; source_ids says which they are when a title holds "; ". */
export const LIST_SEPARATOR = "; ";

export type EventCsvRow = Event & { sources: { source: { id: string; title: string } }[] };

export function eventsCsvText(events: EventCsvRow[]): Iterable<string> {
  const rows = events.map((event) => {
    const sources = event.sources.map((link) => link.source);
    return [
      event.id,
      event.title,
      event.occurredAt.toISOString(),
      event.endsAt?.toISOString() ?? null,
      event.category,
      // The place's label, then its WGS 84 coordinates in degrees (issue 16); all three empty without one.
      event.placeLabel,
      event.placeLongitude,
      event.placeLatitude,
      event.description,
      admiraltyGrade(event.sourceReliability, event.infoCredibility),
      sources.map((source) => source.title).join(LIST_SEPARATOR),
      sources.map((source) => source.id).join(LIST_SEPARATOR),
    ];
  });
  return csvText(EVENTS_CSV_HEADER, rows);
}
