// What a map export draws, taken from a board snapshot: its events, the notes on each (counted as the
// board page counts them, replies included), the period asked for, and the words around the map.
import { indexAnnotations } from "@/lib/annotation-index";
import type { MapEvent } from "@/lib/map/map-model";
import type { BoardSnapshot } from "@/lib/schemas/board";

export type MapExportData = {
  events: MapEvent[];
  notesPerEvent: Map<string, number>;
  /** Epoch milliseconds; null for every event. An open end is ±Infinity. */
  range: [number, number] | null;
  title: string;
  handling: string;
};

export function mapInputOfSnapshot(snapshot: BoardSnapshot, period: { from?: string; to?: string }): MapExportData {
  return {
    events: snapshot.events.map(({ id, title, occurredAt, endsAt, category, place }) => ({
      id,
      title,
      occurredAt,
      endsAt,
      category,
      place,
    })),
    notesPerEvent: indexAnnotations(snapshot.annotations).notesPerEvent,
    range: rangeOf(period),
    title: snapshot.board.title,
    handling: snapshot.board.handling,
  };
}

export function rangeOf(period: { from?: string; to?: string }): [number, number] | null {
  if (!period.from && !period.to) return null;
  return [period.from ? Date.parse(period.from) : -Infinity, period.to ? Date.parse(period.to) : Infinity];
}
