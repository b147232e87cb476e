// place:search (issue 16): suggestions from the offline gazetteer for what an analyst types in a place
// field, Latin or Cyrillic. Any signed-in analyst may search: the gazetteer is the same for every board.
import { PLACE_LIMITS, type PlaceSearchAnswer, ZPlaceSearch } from "@/lib/schemas/place";
import { parseInput } from "../errors";
import type { WorkerPool } from "../workers/create-worker-pool";
import { loadGazetteer } from "./load-gazetteer";
import { searchGazetteer } from "./search-gazetteer";

export async function searchPlaces(options: { workers: WorkerPool; input: unknown }): Promise<PlaceSearchAnswer> {
  // Validated first: a malformed request never starts the index's build.
  const { query, limit = PLACE_LIMITS.defaultSuggestions } = parseInput(ZPlaceSearch, options.input);
  const index = await loadGazetteer(options.workers);
  return { suggestions: searchGazetteer(index, query, limit) };
}
