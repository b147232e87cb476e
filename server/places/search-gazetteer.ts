// One search over the gazetteer's index (gazetteer-index.ts), on the main thread in microseconds: places
// with a name that folds to what was typed come first, then those with a name it begins; in each group,
// countries and capitals, then places found by their own name, then by an alternate, each by population
// (the rank the build gave every name). Names are sorted, so each group is one run of them, found by binary
// search; the segment tree then hands out the run's best places one by one without walking it ("k" begins
// some 20,000 names).
import type { PlaceSuggestion } from "@/lib/schemas/place";
import {
  COORDINATE_SCALE,
  type GazetteerIndex,
  type GazetteerKeys,
  leavesFor,
  NO_STRING,
  PLACE_FLAGS,
  rankPlace,
  stringAt,
} from "./gazetteer-index";
import { normalizePlaceName } from "./normalize-place-name";

export function searchGazetteer(index: GazetteerIndex, query: string, limit: number): PlaceSuggestion[] {
  const folded = normalizePlaceName(query);
  if (folded === "" || limit < 1) return [];
  const { keys } = index;
  const first = lowerBound(keys, folded);
  const exactEnd = runEnd(keys, folded, first, "equal");
  const prefixEnd = runEnd(keys, folded, exactEnd, "prefix");
  const exact = new Map<number, number>();
  bestPlaces(index, first, exactEnd, limit, exact);
  const found = new Map<number, number>(exact);
  bestPlaces(index, exactEnd, prefixEnd, limit, found);
  return [...found].map(([place, name]) => {
    // The label itself was typed (or begun): nothing more to show. Otherwise the name that was.
    const label = normalizePlaceName(labelOf(index, place));
    const labelMatches = exact.has(place) ? label === folded : label.startsWith(folded);
    return suggestion(index, place, labelMatches ? null : stringAt(index.strings, index.keys.written[name] ?? 0));
  });
}

/** Compares name i with `folded`, as JavaScript compares strings (code units): <0, 0 or >0. */
function compareKey(keys: GazetteerKeys, name: number, folded: string, prefixOnly: boolean): number {
  const from = keys.start[name] ?? 0;
  const length = (keys.start[name + 1] ?? from) - from;
  const shared = Math.min(length, folded.length);
  for (let unit = 0; unit < shared; unit++) {
    const difference = (keys.text[from + unit] ?? 0) - folded.charCodeAt(unit);
    if (difference !== 0) return difference;
  }
  return prefixOnly && length >= folded.length ? 0 : length - folded.length;
}

/** The first name not before `folded`. */
function lowerBound(keys: GazetteerKeys, folded: string): number {
  let low = 0;
  let high = keys.rank.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareKey(keys, middle, folded, false) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** From `from`, the end of the run of names equal to `folded`, or beginning with it. */
function runEnd(keys: GazetteerKeys, folded: string, from: number, run: "equal" | "prefix"): number {
  let low = from;
  let high = keys.rank.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareKey(keys, middle, folded, run === "prefix") === 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Adds to `taken` (place → the name that found it) the best places named in [from, to) until it holds
 * `limit`: a heap of sub-runs, each keyed by its best name's place, split around every name it hands out.
 */
function bestPlaces(index: GazetteerIndex, from: number, to: number, limit: number, taken: Map<number, number>) {
  const { keys } = index;
  const leaves = leavesFor(keys.rank.length);
  const runs = new RunHeap();
  const push = (runFrom: number, runTo: number) => {
    if (runFrom >= runTo) return;
    const name = bestName(keys.best, keys.rank, leaves, runFrom, runTo);
    runs.push(keys.rank[name] ?? NO_STRING, name, runFrom, runTo);
  };
  push(from, to);
  while (taken.size < limit && runs.size > 0) {
    const { rank, name, from: runFrom, to: runTo } = runs.pop();
    const place = rankPlace(index, rank);
    if (!taken.has(place)) taken.set(place, name);
    push(runFrom, name);
    push(name + 1, runTo);
  }
}

type Run = { rank: number; name: number; from: number; to: number };

/** A binary min-heap of runs by their best name's rank (smaller is better). */
class RunHeap {
  private readonly items: Run[] = [];

  get size(): number {
    return this.items.length;
  }

  push(rank: number, name: number, from: number, to: number): void {
    const { items } = this;
    let at = items.push({ rank, name, from, to }) - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (this.rankAt(parent) <= this.rankAt(at)) break;
      this.swap(parent, at);
      at = parent;
    }
  }

  pop(): Run {
    const { items } = this;
    const top = items[0] as Run;
    const last = items.pop() as Run;
    if (items.length === 0) return top;
    items[0] = last;
    for (let at = 0; ; ) {
      let smallest = at;
      for (const child of [2 * at + 1, 2 * at + 2]) {
        if (child < items.length && this.rankAt(child) < this.rankAt(smallest)) smallest = child;
      }
      if (smallest === at) return top;
      this.swap(smallest, at);
      at = smallest;
    }
  }

  private rankAt(at: number): number {
    return (this.items[at] as Run).rank;
  }

  private swap(a: number, b: number): void {
    const { items } = this;
    [items[a], items[b]] = [items[b] as Run, items[a] as Run];
  }
}

/** The name in [from, to) with the best rank: the tree's nodes that cover the run, compared. */
function bestName(best: Uint32Array, rank: Uint32Array, leaves: number, from: number, to: number): number {
  let found = NO_STRING;
  const consider = (node: number) => {
    const name = best[node] ?? NO_STRING;
    if (name !== NO_STRING && (found === NO_STRING || (rank[name] ?? 0) < (rank[found] ?? 0))) found = name;
  };
  for (let low = from + leaves, high = to + leaves; low < high; low >>= 1, high >>= 1) {
    if (low & 1) consider(low++);
    if (high & 1) consider(--high);
  }
  return found;
}

const labelOf = (index: GazetteerIndex, place: number) => stringAt(index.strings, index.places.label[place] ?? 0);

function suggestion(index: GazetteerIndex, place: number, matched: string | null): PlaceSuggestion {
  const { places, strings, meta } = index;
  const label = labelOf(index, place);
  const [countryCode = "", countryName = ""] = meta.countries[places.country[place] ?? 0] ?? [];
  const isCountry = ((places.flags[place] ?? 0) & PLACE_FLAGS.country) !== 0;
  const adminString = places.admin[place] ?? NO_STRING;
  return {
    place: {
      label,
      longitude: (places.longitude[place] ?? 0) / COORDINATE_SCALE,
      latitude: (places.latitude[place] ?? 0) / COORDINATE_SCALE,
      gazetteerId: isCountry ? `country:${countryCode}` : `geonames:${places.geonamesId[place]}`,
    },
    kind: isCountry ? "country" : "city",
    name: label,
    matched,
    countryCode,
    countryName,
    adminCode: adminString === NO_STRING ? null : stringAt(strings, adminString),
    population: places.population[place] ?? 0,
  };
}
