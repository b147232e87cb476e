// Places on the wire (issue 16): a point on the earth with the words an analyst reads for it, as events
// carry it and as the offline gazetteer suggests it. Coordinates are WGS 84 degrees, longitude first as
// GeoJSON and d3-geo have them.
import { z } from "zod";
import { LIMITS, ZText } from "./common";

export const PLACE_LIMITS = {
  /** Longest place label (characters). */
  label: LIMITS.title,
  /** Longest gazetteer id ("geonames:703448", "country:UA"). */
  gazetteerId: 40,
  /** Longest gazetteer query (characters). */
  query: 100,
  /** Most suggestions one place:search answers. */
  suggestions: 20,
  defaultSuggestions: 8,
} as const;

export const ZLongitude = z.number().min(-180, "a longitude is at least −180").max(180, "a longitude is at most 180");
export const ZLatitude = z.number().min(-90, "a latitude is at least −90").max(90, "a latitude is at most 90");
export const ZPlaceLabel = ZText.trim()
  .min(1, "a place needs a name")
  .max(PLACE_LIMITS.label, `a place name has at most ${PLACE_LIMITS.label} characters`);

/**
 * Where an event happened. `gazetteerId` names the gazetteer entry it was picked from ("geonames:703448" for
 * a city, "country:UA" for a country's centroid); absent when the analyst dropped a pin or typed a label
 * of their own for the point.
 */
export const ZPlace = z.strictObject({
  label: ZPlaceLabel,
  longitude: ZLongitude,
  latitude: ZLatitude,
  gazetteerId: ZText.max(PLACE_LIMITS.gazetteerId)
    .regex(/^(geonames:\d+|country:[A-Z]{2})$/, "not a gazetteer id")
    .optional(),
});
export type WirePlace = z.infer<typeof ZPlace>;

/** place:search — suggestions for what an analyst types in a place field, Latin or Cyrillic. */
export const ZPlaceSearch = z.strictObject({
  query: ZText.trim().min(1, "type a place name").max(PLACE_LIMITS.query, `at most ${PLACE_LIMITS.query} characters`),
  limit: z.number().int().min(1).max(PLACE_LIMITS.suggestions).optional(),
});
export type TPlaceSearchInput = z.input<typeof ZPlaceSearch>;

/** One gazetteer entry as a suggestion: `place` is what the event stores when the analyst picks it. */
export type PlaceSuggestion = {
  place: WirePlace & { gazetteerId: string };
  kind: "city" | "country";
  /** The entry's own (English) name, which is also the stored label. */
  name: string;
  /** The name the analyst's query matched ("Київ" for Kyiv), when it is not `name`. */
  matched: string | null;
  /** ISO 3166-1 alpha-2 code and the country's common English name, to tell namesakes apart. */
  countryCode: string;
  countryName: string;
  /** First-level division as GeoNames codes it ("12" for Kyiv City), when it has one. */
  adminCode: string | null;
  population: number;
};
export type PlaceSearchAnswer = { suggestions: PlaceSuggestion[] };
