// The gazetteer's index as one block of memory (issue 16): the worker builds it and moves the block to the
// main thread without a copy, where these typed-array views over it are all a search reads. No per-place
// objects: about 135,000 places and 410,000 names as a few arrays the garbage collector never walks.

/** Sorted folded names (normalize-place-name.ts), each pointing at the place it names. */
export type GazetteerKeys = {
  /** Every folded name, UTF-16 code units end to end, in code-unit order (JavaScript's `<` on strings). */
  text: Uint16Array;
  /** Name i is text[start[i]..start[i + 1]). */
  start: Uint32Array;
  /**
   * How good a find name i is by prefix, smaller better: rankKey(score) × PLACE_SLOTS + the place's number
   * (placeScore; rankPlace reads the place back). A name that only matches whole (EXACT_ONLY_KEY) ranks last.
   */
  rank: Uint32Array;
  /** 1 when name i is one of its place's alternate names, 0 when it is one of its own. */
  alternate: Uint8Array;
  /** The name as written (a string index, see GazetteerStrings), for the suggestion's `matched`. */
  written: Uint32Array;
  /**
   * A segment tree over `rank`: node n (1-based, its leaves from leavesFor(names)) holds the index of the
   * name with the smallest rank under it, i.e. the best find in a run of names (search-gazetteer.ts).
   */
  best: Uint32Array;
};

/** Places, best first by placeScore of their own name (the rank's tie-break). */
export type GazetteerPlaces = {
  geonamesId: Uint32Array;
  /** Degrees × 100,000 (GeoNames gives five decimals). */
  longitude: Int32Array;
  latitude: Int32Array;
  population: Uint32Array;
  /** Index into GazetteerMeta.countries. */
  country: Uint16Array;
  /** PLACE_FLAGS. */
  flags: Uint8Array;
  /** String index of the English label. */
  label: Uint32Array;
  /** String index of the first-level division's code, or NO_STRING. */
  admin: Uint32Array;
};

/** Strings read back whole: labels, division codes and names as written. */
export type GazetteerStrings = { text: Uint16Array; start: Uint32Array };

export type GazetteerMeta = {
  /** [ISO 3166-1 alpha-2, common English name], as world-countries has them; cities name theirs by index. */
  countries: [code: string, name: string][];
};

export type GazetteerIndex = {
  keys: GazetteerKeys;
  places: GazetteerPlaces;
  strings: GazetteerStrings;
  meta: GazetteerMeta;
  /** The one block every view above shares. */
  bytes: Uint8Array;
};

export const PLACE_FLAGS = { country: 1, capital: 2 } as const;

/**
 * How a find is scored (docs/places.md, "Ranking"): log10 of the people, plus bonuses in the same unit,
 * so a bonus of 1 is worth ten times the people. An own name (not an alternate), a watched place (a
 * national capital; a country too when its name is typed whole) and a name equal to the query (not merely
 * begun by it) each weigh that much more.
 */
export const SCORE_BONUS = { ownName: 1, watched: 1, exact: 1.5 } as const;

export function placeScore(population: number, find: { ownName: boolean; watched: boolean; exact: boolean }) {
  return (
    Math.log10(population + 1) +
    (find.ownName ? SCORE_BONUS.ownName : 0) +
    (find.watched ? SCORE_BONUS.watched : 0) +
    (find.exact ? SCORE_BONUS.exact : 0)
  );
}

/** A rank packs a score's key above the place's number: places fit in 18 bits, keys in the other 14. */
export const PLACE_SLOTS = 2 ** 18;
/** The key of a name found only when typed whole: after every other. */
export const EXACT_ONLY_KEY = 2 ** 14 - 1;
/** Scores stay below this (log10 of 8 billion people is under 10, the bonuses add 3.5). */
const SCORE_CEILING = 14;

/** A score as an integer key, smaller better, to a thousandth of a point. */
export function rankKey(score: number): number {
  return Math.min(EXACT_ONLY_KEY - 1, Math.max(0, Math.round((SCORE_CEILING - score) * 1000)));
}

export function nameRank(key: number, place: number): number {
  return key * PLACE_SLOTS + place;
}

export function rankKeyOf(rank: number): number {
  return Math.floor(rank / PLACE_SLOTS);
}
export const NO_STRING = 0xffff_ffff;
export const COORDINATE_SCALE = 100_000;

/** Leaves of the segment tree for n names: the next power of two (so a node's children are 2n and 2n + 1). */
export function leavesFor(names: number): number {
  let leaves = 1;
  while (leaves < names) leaves *= 2;
  return leaves;
}

type ArrayKind = "u8" | "u16" | "u32" | "i32";
type Section = { name: string; kind: ArrayKind };
/** The block's sections, in order; the header holds each one's byte offset and length in elements. */
const SECTIONS: readonly Section[] = [
  { name: "keys.text", kind: "u16" },
  { name: "keys.start", kind: "u32" },
  { name: "keys.rank", kind: "u32" },
  { name: "keys.alternate", kind: "u8" },
  { name: "keys.written", kind: "u32" },
  { name: "keys.best", kind: "u32" },
  { name: "places.geonamesId", kind: "u32" },
  { name: "places.longitude", kind: "i32" },
  { name: "places.latitude", kind: "i32" },
  { name: "places.population", kind: "u32" },
  { name: "places.country", kind: "u16" },
  { name: "places.flags", kind: "u8" },
  { name: "places.label", kind: "u32" },
  { name: "places.admin", kind: "u32" },
  { name: "strings.text", kind: "u16" },
  { name: "strings.start", kind: "u32" },
  { name: "meta", kind: "u8" },
];
const HEADER_WORDS = 2 + 2 * SECTIONS.length;
const MAGIC = 0x5746_4732; // "WFG2"
const CONSTRUCTORS = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, i32: Int32Array } as const;

type Parts = Omit<GazetteerIndex, "bytes">;

function sectionArrays(parts: Parts): ArrayBufferView[] {
  const { keys, places, strings } = parts;
  const meta = new TextEncoder().encode(JSON.stringify(parts.meta));
  return [
    keys.text,
    keys.start,
    keys.rank,
    keys.alternate,
    keys.written,
    keys.best,
    places.geonamesId,
    places.longitude,
    places.latitude,
    places.population,
    places.country,
    places.flags,
    places.label,
    places.admin,
    strings.text,
    strings.start,
    meta,
  ];
}

/** Copies the parts into one block that owns its memory, so that the worker pool moves it (run-task.ts). */
export function packGazetteerIndex(parts: Parts): Uint8Array {
  const arrays = sectionArrays(parts);
  const header = new Uint32Array(HEADER_WORDS);
  header[0] = MAGIC;
  header[1] = SECTIONS.length;
  let offset = header.byteLength;
  arrays.forEach((array, index) => {
    offset = Math.ceil(offset / 8) * 8;
    header[2 + 2 * index] = offset;
    header[3 + 2 * index] = array.byteLength / CONSTRUCTORS[(SECTIONS[index] as Section).kind].BYTES_PER_ELEMENT;
    offset += array.byteLength;
  });
  const bytes = new Uint8Array(offset);
  bytes.set(new Uint8Array(header.buffer));
  arrays.forEach((array, index) => {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), header[2 + 2 * index]);
  });
  return bytes;
}

/** Views over a packed block; nothing is copied but the small meta section's JSON. */
export function openGazetteerIndex(bytes: Uint8Array): GazetteerIndex {
  if (bytes.byteOffset % 8 !== 0) throw new Error("the gazetteer index must start on an 8-byte boundary");
  const header = new Uint32Array(bytes.buffer, bytes.byteOffset, HEADER_WORDS);
  if (header[0] !== MAGIC || header[1] !== SECTIONS.length) throw new Error("not a gazetteer index");
  const at = (index: number) => [bytes.byteOffset + (header[2 + 2 * index] ?? 0), header[3 + 2 * index]] as const;
  const u8 = (index: number) => new Uint8Array(bytes.buffer, ...at(index));
  const u16 = (index: number) => new Uint16Array(bytes.buffer, ...at(index));
  const u32 = (index: number) => new Uint32Array(bytes.buffer, ...at(index));
  const i32 = (index: number) => new Int32Array(bytes.buffer, ...at(index));
  return {
    keys: { text: u16(0), start: u32(1), rank: u32(2), alternate: u8(3), written: u32(4), best: u32(5) },
    places: {
      geonamesId: u32(6),
      longitude: i32(7),
      latitude: i32(8),
      population: u32(9),
      country: u16(10),
      flags: u8(11),
      label: u32(12),
      admin: u32(13),
    },
    strings: { text: u16(14), start: u32(15) },
    meta: JSON.parse(new TextDecoder().decode(u8(16))) as GazetteerMeta,
    bytes,
  };
}

/** The place a name's rank points at. */
export function rankPlace(rank: number): number {
  return rank % PLACE_SLOTS;
}

/** String i of the strings table. */
export function stringAt(strings: GazetteerStrings, index: number): string {
  const from = strings.start[index] ?? 0;
  const to = strings.start[index + 1] ?? from;
  return String.fromCharCode(...strings.text.subarray(from, to));
}
