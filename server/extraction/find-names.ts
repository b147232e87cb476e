// Names of a sentence: people, organisations and places (issue 15), to suggest an event's place and
// actors. compromise knows many people, places and organisations by name and shape; the rules here add
// what it misses in reports: Cyrillic names (compromise reads English only), acronyms (OSCE), datelines
// ("KYIV, 11 January —"), bodies named by their head word ("Southern Military District"), places after
// "in"/"at"/"near", and surnames of people already named (docs/extraction.md).
import type { NameType } from "@/lib/schemas/candidate";
import type { Span } from "./find-sentences";
import type { ReadSentence, Word } from "./read-sentence";

export type FoundName = Span & { name: string; nameType: NameType };

const TITLES = new Set(
  "mr mrs ms dr president prime minister deputy foreign defence defense secretary general state chief envoy ambassador spokesman spokeswoman gen lt col colonel admiral commander first vice".split(
    " ",
  ),
);
const MONTHS_AND_DAYS =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
const NOT_ACRONYMS = new Set(["UTC", "GMT", "TV", "AM", "PM", "OK", "CET", "EET", "MSK"]);
/** Acronyms of countries (the rest are taken for organisations). */
const PLACE_ACRONYMS = new Set(["US", "USA", "UK", "UAE", "DPRK"]);
/** Institutions named by their seat, which compromise takes for places or misses. */
const SEATS = /^(?:Kremlin|Pentagon|White House|Élysée|Bundestag|Duma|Rada)$/;
/** Capitalised words that are not names (headings, labels). */
const NOT_NAMES = new Set(["Para", "Paragraph", "Sitrep", "Situation", "Overnight", "Outlook"]);
// A person named after a title compromise does not read as one ("Secretary of State Antony Blinken").
const TITLED_PERSON =
  /\b(?:President|Minister|Secretary(?: of State| General)?|Chancellor|Envoy|Ambassador|Spokes(?:man|woman)|General|Admiral|Colonel)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z’'-]+){1,2})/g;
const COMPASS = /(?:Central|Eastern|Western|Northern|Southern|North|South|East|West)\s+$/;
const ORGANISATION_HEADS =
  /^(?:Council|Organization|Organisation|District|Department|Ministry|Committee|Alliance|Union|Agency|Service|Command|Parliament|Assembly|Commission|Office|Bank|Fund|Guard|Army|Navy|Duma|Forces)$/;

// A capitalised word (Latin, with hyphens or all capitals) and runs of them.
const WORD = String.raw`[A-Z][\p{L}’'-]*`;
const CAPITALISED_RUN = new RegExp(String.raw`${WORD}(?:\s+(?:of\s+)?${WORD})*`, "gu");
const ACRONYM = /(?<![\p{L}-])[A-Z]{2,6}(?![\p{L}-])/gu;
const CYRILLIC_NAME = /\p{Lu}[а-яё]+(?:-\p{Lu}[а-яё]+)?(?:\s+\p{Lu}[а-яё]+(?:-\p{Lu}[а-яё]+)?){1,2}/gu;

export function findNames(text: string, sentence: Span, read: ReadSentence): FoundName[] {
  const found: FoundName[] = [];
  const add = (span: Span, type: NameType) => {
    const clean = cleanName(text, sentence, read, span, type);
    const named = clean && (SEATS.test(clean.name) || ORGANISATION_HEADS.test(clean.name.split(/\s+/).at(-1) ?? ""));
    if (clean) found.push({ ...clean, nameType: named && clean.name.includes(" ") ? "organisation" : type });
  };
  for (const span of read.people) add(span, "person");
  for (const span of read.organisations) add(span, "organisation");
  for (const span of read.places) add(span, "place");
  const sentenceText = text.slice(sentence.start, sentence.end);
  for (const match of sentenceText.matchAll(TITLED_PERSON)) {
    const start = sentence.start + (match.index ?? 0) + match[0].length - (match[1] as string).length;
    add({ start, end: start + (match[1] as string).length }, "person");
  }
  for (const match of sentenceText.matchAll(ACRONYM)) {
    const start = sentence.start + (match.index ?? 0);
    const type = PLACE_ACRONYMS.has(match[0])
      ? "place"
      : dateline(text, { start, end: start + match[0].length })
        ? "place"
        : "organisation";
    if (!NOT_ACRONYMS.has(match[0])) add({ start, end: start + match[0].length }, type);
  }
  for (const match of sentenceText.matchAll(CYRILLIC_NAME)) {
    const start = sentence.start + (match.index ?? 0);
    if (/[А-ЯЁ]/.test(match[0])) add({ start, end: start + match[0].length }, "person");
  }
  for (const match of sentenceText.matchAll(CAPITALISED_RUN)) {
    const start = sentence.start + (match.index ?? 0);
    const article = /^The\s+/.exec(match[0])?.[0].length ?? 0;
    const span = { start: start + article, end: start + match[0].length };
    const type = ruleType(text, sentence, span, match[0].slice(article));
    if (type) add(span, type);
  }
  return found;
}

/** What a capitalised run is by its shape and what stands before it; null when the rules cannot tell. */
function ruleType(text: string, sentence: Span, span: Span, run: string): NameType | null {
  const words = run.split(/\s+/);
  const last = words[words.length - 1] as string;
  if (ORGANISATION_HEADS.test(last) && words.length > 1) return "organisation";
  if (words.length === 1 && MONTHS_AND_DAYS.test(run)) return null;
  if (SEATS.test(run)) return "organisation";
  const before = text.slice(Math.max(sentence.start, span.start - 8), span.start);
  if (/\b(?:in|at|near|to|from|towards|outside)\s+$/.test(before) && !MONTHS_AND_DAYS.test(words[0] as string)) {
    return "place";
  }
  if (/\bthe\s+$/.test(before) && /^\s+(?:region|oblast|province|area)\b/.test(text.slice(span.end, span.end + 10))) {
    return "place";
  }
  return null;
}

/** An all-capital place opening its line before a comma: a wire's dateline ("KYIV, 11 January —"). */
function dateline(text: string, span: Span): boolean {
  return text.lastIndexOf("\n", span.start - 1) + 1 === span.start && text[span.end] === ",";
}

/**
 * The name without what is not part of it: leading titles, sentence-initial words compromise does not
 * take for proper nouns ("The", "On Thursday"), trailing common nouns ("Rostov region"), a possessive 's;
 * null for a nationality adjective ("Ukrainian") or when nothing is left.
 */
function cleanName(
  text: string,
  sentence: Span,
  read: ReadSentence,
  span: Span,
  type: NameType,
): (Span & { name: string }) | null {
  const words = read.words.filter((w) => w.start < span.end && span.start < w.end);
  // compromise reads English only: a capitalised word in another script counts as proper.
  const isProper = (w: Word) =>
    w.tags.has("ProperNoun") ||
    w.tags.has("Acronym") ||
    /^(?:\p{Lu}[\p{Lu}-]*|[^\p{Script=Latin}]+)$/u.test(bare(w.text));
  while (words.length > 0) {
    const first = words[0] as Word;
    const word = bare(first.text);
    const title = type === "person" && TITLES.has(word.toLowerCase());
    const leading = title || MONTHS_AND_DAYS.test(word) || NOT_NAMES.has(word);
    if (!leading && !(first.start === sentence.start && !isProper(first)) && /^\p{Lu}/u.test(word)) break;
    words.shift();
  }
  while (words.length > 0 && !/^\p{Lu}/u.test(bare((words[words.length - 1] as Word).text))) words.pop();
  const first = words[0];
  const last = words[words.length - 1];
  const demonym =
    words.length === 1 &&
    (first?.tags.has("Demonym") || /^\p{Lu}\p{Ll}+(?:ian|ern|ese|ish)$/u.test(bare(first?.text ?? "")));
  if (!first || !last || demonym || words.some((w) => NOT_NAMES.has(bare(w.text)))) return null;
  const start = Math.max(span.start, first.start);
  const end = Math.min(span.end, first.start + bare(text.slice(first.start, last.end)).length);
  const compass = COMPASS.exec(text.slice(Math.max(sentence.start, start - 9), start));
  return plain(text, { start: compass ? start - compass[0].length : start, end });
}

/** A word without trailing punctuation or possessive. */
const bare = (word: string) => word.replace(/(?:[’']s)?[\s,.;:!?)—–-]*$/u, "");

/** The span's name as proposed: a dateline's capitals in title case ("KYIV" → "Kyiv"). */
function plain(text: string, span: Span): (Span & { name: string }) | null {
  const exact = bare(text.slice(span.start, span.end));
  if (!/^\p{Lu}/u.test(exact)) return null;
  const end = span.start + exact.length;
  const name = /^[A-Z]{3,}$/.test(exact) && dateline(text, { start: span.start, end }) ? titleCase(exact) : exact;
  return { start: span.start, end, name };
}

const titleCase = (word: string) => word[0] + word.slice(1).toLowerCase();
