// One search over the gazetteer's index (gazetteer-index.ts), on the main thread in microseconds. Each
// place a name of which equals or begins what was typed is scored (placeScore: log10 of its people, plus a
// bonus for its own name, for a capital — and a country, typed whole — and for a name equal to the query). Names
// are sorted, so the equal names and the begun ones are two runs, found by binary search. The equal run is
// short (115 names at most, "santa maria") and scored whole; the begun run can be long ("k" begins some
// 20,000 names), so a segment tree over its names' ranks hands out its best one at a time without walking
// it. The two are merged by score.
import type { PlaceSuggestion } from "@/lib/schemas/place";
import {
  COORDINATE_SCALE,
  EXACT_ONLY_KEY,
  type GazetteerIndex,
  type GazetteerKeys,
  leavesFor,
  NO_STRING,
  nameRank,
  PLACE_FLAGS,
  placeScore,
  rankKey,
  rankKeyOf,
  rankPlace,
  stringAt,
} from "./gazetteer-index";
import { normalizePlaceName } from "./normalize-place-name";

type Find = { rank: number; name: number };

export function searchGazetteer(index: GazetteerIndex, query: string, limit: number): PlaceSuggestion[] {
  const folded = normalizePlaceName(query);
  if (folded === "" || limit < 1) return [];
  const { keys } = index;
  const first = lowerBound(keys, folded);
  const exactEnd = runEnd(keys, folded, first, "equal");
  const prefixEnd = runEnd(keys, folded, exactEnd, "prefix");
  const exact = exactFinds(index, first, exactEnd);
  const begun = new BegunFinds(index, exactEnd, prefixEnd);
  const found = new Map<number, number>();
  const foundExactly = new Set<number>();
  let next = 0;
  let nextBegun = begun.next();
  while (found.size < limit) {
    const nextExact = exact[next];
    // Equal before begun when they rank alike: the same place by a name equal to the query.
    const takeExact = nextExact !== undefined && (nextBegun === undefined || nextExact.rank <= nextBegun.rank);
    const find = takeExact ? nextExact : nextBegun;
    if (find === undefined) break;
    const place = rankPlace(find.rank);
    if (!found.has(place)) {
      found.set(place, find.name);
      if (takeExact) foundExactly.add(place);
    }
    if (takeExact) next++;
    else nextBegun = begun.next();
  }
  return [...found].map(([place, name]) => {
    // The label itself was typed (or begun): nothing more to show. Otherwise the name that was.
    const label = normalizePlaceName(labelOf(index, place));
    const labelMatches = foundExactly.has(place) ? label === folded : label.startsWith(folded);
    return suggestion(index, place, labelMatches ? null : stringAt(index.strings, index.keys.written[name] ?? 0));
  });
}

/** Every name in [from, to) (names equal to the query) with its rank as an exact find, best first. */
function exactFinds(index: GazetteerIndex, from: number, to: number): Find[] {
  const { keys, places } = index;
  const finds: Find[] = [];
  for (let name = from; name < to; name++) {
    const place = rankPlace(keys.rank[name] ?? 0);
    const score = placeScore(places.population[place] ?? 0, {
      ownName: keys.alternate[name] === 0,
      watched: ((places.flags[place] ?? 0) & (PLACE_FLAGS.country | PLACE_FLAGS.capital)) !== 0,
      exact: true,
    });
    finds.push({ rank: nameRank(rankKey(score), place), name });
  }
  return finds.sort((a, b) => a.rank - b.rank);
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
 * The names of [from, to) (names the query begins), best rank first, one per call: a heap of sub-runs,
 * each keyed by its best name (the segment tree's answer), split around every name it hands out. Names
 * found only when typed whole rank last, so the first of them ends the run.
 */
class BegunFinds {
  private readonly runs = new RunHeap();
  private readonly leaves: number;

  constructor(
    private readonly index: GazetteerIndex,
    from: number,
    to: number,
  ) {
    this.leaves = leavesFor(index.keys.rank.length);
    this.push(from, to);
  }

  next(): Find | undefined {
    if (this.runs.size === 0) return undefined;
    const { rank, name, from, to } = this.runs.pop();
    if (rankKeyOf(rank) === EXACT_ONLY_KEY) return undefined;
    this.push(from, name);
    this.push(name + 1, to);
    return { rank, name };
  }

  private push(from: number, to: number): void {
    if (from >= to) return;
    const { keys } = this.index;
    const name = bestName(keys.best, keys.rank, this.leaves, from, to);
    this.runs.push(keys.rank[name] ?? NO_STRING, name, from, to);
  }
}

type Run = { rank: number; name: number; from: number; to: number };

/**
 * A binary min-heap of runs by their best name's rank (smaller is better), then by that name's place in
 * the sorted names: a place's alternates share a rank, and the first in order ("Kiev" before "Kiova") is
 * the one a suggestion shows as matched, whatever order the runs were split in.
 */
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
      if (!this.before(at, parent)) break;
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
        if (child < items.length && this.before(child, smallest)) smallest = child;
      }
      if (smallest === at) return top;
      this.swap(smallest, at);
      at = smallest;
    }
  }

  private before(a: number, b: number): boolean {
    const first = this.items[a] as Run;
    const second = this.items[b] as Run;
    return first.rank < second.rank || (first.rank === second.rank && first.name < second.name);
  }

  private swap(a: number, b: number): void {
    const { items } = this;
    [items[a], items[b]] = [items[b] as Run, items[a] as Run];
  }
}

/** The name in [from, to) with the best rank (the first of equals): the tree's nodes that cover the run. */
function bestName(best: Uint32Array, rank: Uint32Array, leaves: number, from: number, to: number): number {
  let found = NO_STRING;
  const consider = (node: number) => {
    const name = best[node] ?? NO_STRING;
    if (name === NO_STRING) return;
    // On a tie the earlier name, as the tree's nodes choose: the nodes are not visited in order.
    const better = found === NO_STRING || (rank[name] ?? 0) < (rank[found] ?? 0);
    if (better || ((rank[name] ?? 0) === (rank[found] ?? 0) && name < found)) found = name;
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
