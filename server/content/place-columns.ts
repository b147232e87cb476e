// An event's place (issue 16) in the Event table's four place columns and back: all four set or all null,
// as the table's CHECK Event_place_whole demands. A gazetteer id is stored null when the analyst dropped
// a pin or named the point themselves, and is then absent on the wire.
import type { WirePlace } from "@/lib/schemas/place";

export type PlaceColumns = {
  placeLabel: string | null;
  placeLongitude: number | null;
  placeLatitude: number | null;
  placeGazetteerId: string | null;
};

export function placeColumns(place: WirePlace | null): PlaceColumns {
  return {
    placeLabel: place?.label ?? null,
    placeLongitude: place?.longitude ?? null,
    placeLatitude: place?.latitude ?? null,
    placeGazetteerId: place?.gazetteerId ?? null,
  };
}

export function placeOfColumns(row: PlaceColumns): WirePlace | null {
  if (row.placeLabel === null || row.placeLongitude === null || row.placeLatitude === null) return null;
  return {
    label: row.placeLabel,
    longitude: row.placeLongitude,
    latitude: row.placeLatitude,
    ...(row.placeGazetteerId === null ? {} : { gazetteerId: row.placeGazetteerId }),
  };
}
