// How a place name is compared (issue 16): what an analyst types and what the gazetteer holds are both
// folded to one form, so "Genève", "geneve" and "GENEVE" meet, and so do "Киев" and "киев".
// Used by the index build (in a worker) and by every search (on the main thread): both must fold alike.

/** Letters that Unicode decomposition leaves whole, spelt as a reader without them would type them. */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
  ħ: "h",
  ŧ: "t",
  // Ukrainian ґ is typed г on a Russian keyboard; ё and й fold to е and и by decomposition already.
  ґ: "г",
};
const FOLDED_LETTERS = new RegExp(`[${Object.keys(LETTER_FOLDS).join("")}]`, "g");
/** Apostrophes and their look-alikes vanish inside a word: "Xi’an" is typed "xian" as often as "xi'an". */
const APOSTROPHES = /['’‘ʼʻʹ`´]/g;
const PLAIN_ASCII = /^[\x20-\x7e]*$/;
const COMBINING_MARKS = /\p{M}/gu;
/** Anything but letters and digits separates words: "Alma-Ata", "Washington, D.C." */
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/**
 * The folded form: lower case, diacritics dropped (é → e, ё → е, й → и, ї → і), a few letters spelt
 * out (ß → ss), apostrophes removed, every other run of punctuation and space one space, trimmed.
 */
export function normalizePlaceName(text: string): string {
  // Most names are plain ASCII: only case and punctuation to fold (a third of the index build's time).
  if (PLAIN_ASCII.test(text)) return text.toLowerCase().replace(APOSTROPHES, "").replace(SEPARATORS, " ").trim();
  return text
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .toLowerCase()
    .replace(FOLDED_LETTERS, (letter) => LETTER_FOLDS[letter] ?? letter)
    .replace(APOSTROPHES, "")
    .replace(SEPARATORS, " ")
    .trim();
}

const LATIN_OR_CYRILLIC = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{M}\p{N}\p{P}\p{Zs}\p{S}]+$/u;
const LETTER = /\p{L}/u;
const UPPER_CASE_LETTER = /\p{Lu}/u;
const CODE = /^[A-Z]{2,4}$/;

/** Written in Latin or Cyrillic letters only: the scripts the analysts type. */
export function isLatinOrCyrillic(name: string): boolean {
  return LATIN_OR_CYRILLIC.test(name) && LETTER.test(name);
}

/**
 * Whether a city's GeoNames alternate name is kept: Latin or Cyrillic, with a capital somewhere, and not a
 * code. GeoNames' all-lower-case alternates ("ji fu", "kyf") are mostly machine romanizations of other
 * scripts' names, which no analyst types and which would crowd the suggestions; its short all-capital ones
 * are airport codes ("IEV", and "SAN" for San Diego, which would make "san" an exact name of San Diego).
 */
export function isSearchableAlternate(name: string): boolean {
  return isLatinOrCyrillic(name) && UPPER_CASE_LETTER.test(name) && !CODE.test(name);
}
