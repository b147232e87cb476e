// Figures of a sentence: a number compromise reads (digits or words) with the noun phrase it counts and
// the hedge before it (issue 15). compromise finds numbers and tags words; the rules here drop numbers
// that count nothing (years, times, report and paragraph numbers, ordinals, durations, numbers inside a
// date) and read the qualifier and the unit (docs/extraction.md).
import type { FigureQualifier } from "@/lib/schemas/candidate";
import type { Span } from "./find-sentences";
import type { ReadSentence, Word } from "./read-sentence";

export type FoundFigure = Span & { value: number; unit: string; qualifier: FigureQualifier | null };

/** Hedges, longest first where one ends another ("no more than" before "more than"). */
const QUALIFIERS: [RegExp, FigureQualifier][] = [
  [/\b(?:no|not) more than\s+$/i, "at most"],
  [/\bat most\s+$/i, "at most"],
  [/\b(?:at least|no fewer than|no less than)\s+$/i, "at least"],
  [/\b(?:more than|over|upwards of)\s+$/i, "more than"],
  [/\b(?:less than|fewer than|under|below)\s+$/i, "less than"],
  [/\bup to\s+$/i, "up to"],
  [/\b(?:about|roughly|some|around|nearly|almost|approximately|an estimated|close to)\s+$/i, "about"],
];

/** Words a number labels rather than counts ("Sitrep 14", "Para 3"). */
const LABEL_WORDS =
  /\b(?:sitrep|report|para|paragraph|no\.?|number|section|annex|article|page|item|point|resolution|chapter|flight|route|version)\s*$/i;
const DURATION_UNITS = new Set([
  "second",
  "seconds",
  "minute",
  "minutes",
  "hour",
  "hours",
  "day",
  "days",
  "week",
  "weeks",
  "month",
  "months",
  "year",
  "years",
  "decade",
  "decades",
]);
/** Words between the number and its noun that belong to neither ("Two more battalion tactical groups"). */
const SKIPPED = new Set(["more", "additional", "further", "extra", "other", "new"]);
/** Words that end a unit: the noun phrase stops before them. */
const STOP_TAGS = [
  "Preposition",
  "Conjunction",
  "Determiner",
  "Pronoun",
  "Adverb",
  "Value",
  "Date",
  "Auxiliary",
  "Copula",
  "Modal",
];

export function findFigures(text: string, read: ReadSentence, dates: Span[]): FoundFigure[] {
  const found: FoundFigure[] = [];
  for (const number of read.numbers) {
    if (number.ordinal || !Number.isFinite(number.value)) continue;
    if (dates.some((d) => d.start < number.end && number.start < d.end)) continue;
    const raw = text.slice(number.start, number.end);
    if (isYear(raw) || isTime(text, number) || isLabel(text, number)) continue;
    const unitWords = unitAfter(text, read.words, number);
    if (unitWords.length === 0) continue;
    const unit = unitWords.map((w) => w.text.replace(/[’']s$/, "")).join(" ");
    if (DURATION_UNITS.has(unit.toLowerCase())) continue;
    const lead = text.slice(Math.max(0, number.start - 16), number.start);
    const hedge = QUALIFIERS.find(([pattern]) => pattern.test(lead));
    const qualifierStart = hedge ? number.start - (hedge[0].exec(lead)?.[0].length ?? 0) : number.start;
    const last = unitWords[unitWords.length - 1] as Word;
    found.push({ start: qualifierStart, end: last.end, value: number.value, unit, qualifier: hedge?.[1] ?? null });
  }
  return found;
}

const isYear = (raw: string) => /^(1[89]|20)\d{2}$/.test(raw);

function isTime(text: string, number: Span): boolean {
  return /:\d/.test(text.slice(number.end, number.end + 2)) || /\d:$/.test(text.slice(number.start - 2, number.start));
}

/** "Sitrep 14", "Para 3", or a paragraph number opening its line ("2. Cyber."). */
function isLabel(text: string, number: Span): boolean {
  if (LABEL_WORDS.test(text.slice(Math.max(0, number.start - 24), number.start))) return true;
  const lineStart = text.lastIndexOf("\n", number.start - 1) + 1;
  return /^\s*$/.test(text.slice(lineStart, number.start)) && /^[.)]/.test(text.slice(number.end, number.end + 1));
}

/** The noun phrase right after the number: adjectives and nouns, up to the last noun, within its clause. */
function unitAfter(text: string, words: Word[], number: Span): Word[] {
  let index = words.findIndex((w) => w.start >= number.end);
  while (words[index] && SKIPPED.has((words[index] as Word).text.toLowerCase())) index++;
  const phrase: Word[] = [];
  for (let previous = number.end; index >= 0 && index < words.length && phrase.length < 5; index++) {
    const word = words[index] as Word;
    // A comma, dash or bracket between two words ends the phrase (skipped words are plain words).
    if (/[^\s\w'’-]/u.test(text.slice(previous, word.start))) break;
    if (STOP_TAGS.some((tag) => word.tags.has(tag)) && !word.tags.has("Noun")) break;
    // A verb in the past starts the predicate ("two sides stopped"); compromise tags some nouns after a
    // number as present-tense verbs ("Two more battalion tactical groups"), so those stay.
    if (word.tags.has("PastTense") && !["Participle", "Adjective", "Noun"].some((t) => word.tags.has(t))) break;
    phrase.push(word);
    previous = word.end;
  }
  while (phrase.length > 0 && !(phrase[phrase.length - 1] as Word).tags.has("Noun")) phrase.pop();
  return phrase;
}
