// Finds the dates, figures and names in a document version's text (issue 15): what source:extract
// proposes. Runs in the worker pool (task `extract-candidates`); pure, no I/O. Sentence by sentence:
// chrono-node for dates, compromise for numbers, names and tense (read a paragraph's passage at a time),
// and the rules in find-*.ts for what they lack (docs/extraction.md).
import type { CandidateKind, ExtractedCandidate, ExtractedDate } from "@/lib/schemas/candidate";
import { findDates } from "./find-dates";
import { findFigures } from "./find-figures";
import { findNames } from "./find-names";
import { findSentences, type Span } from "./find-sentences";
import { guessCategory } from "./guess-category";
import { narrow, type ReadSentence, readPassage } from "./read-sentence";

export type ExtractCandidatesInput = {
  text: string;
  /** The document's publication date (YYYY-MM-DD, UTC): relative dates are resolved against it. */
  publishedAt: string;
};

const KIND_ORDER: Record<CandidateKind, number> = { date: 0, figure: 1, name: 2 };
/** compromise reads up to this many characters of a paragraph's sentences at once. */
const PASSAGE_CHARS = 4_000;

/** Every candidate in the text, in text order (ties: date, figure, name). */
export function extractCandidates(input: ExtractCandidatesInput): ExtractedCandidate[] {
  const { text, publishedAt } = input;
  const candidates: ExtractedCandidate[] = [];
  const sentences = findSentences(text);
  const passages = passagesOf(text, sentences);
  let passage: { span: Span; read: ReadSentence } | null = null;
  let next = 0;
  for (const sentence of sentences) {
    if (!passage || sentence.end > passage.span.end) {
      const span = passages[next++] as Span;
      passage = { span, read: readPassage(text, span) };
    }
    const read = narrow(passage.read, sentence);
    const readOnce = () => read;
    const at = (span: Span) => ({
      start: span.start,
      end: span.end,
      exact: text.slice(span.start, span.end),
      sentence,
    });
    const sentenceText = text.slice(sentence.start, sentence.end);
    const dates = distinct(findDates({ text, publishedAt, sentence, read: readOnce }));
    const category: ExtractedDate["category"] = guessCategory(sentenceText);
    for (const found of dates) candidates.push({ kind: "date", ...at(found), date: found.date, category });
    for (const found of distinct(findFigures(text, readOnce(), dates))) {
      const { value, unit, qualifier } = found;
      candidates.push({ kind: "figure", ...at(found), value, unit, qualifier });
    }
    for (const found of distinct(findNames(text, sentence, readOnce()))) {
      candidates.push({ kind: "name", ...at(found), name: found.name, nameType: found.nameType });
    }
  }
  candidates.push(...surnames(text, sentences, candidates));
  return candidates.sort((a, b) => a.start - b.start || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.end - b.end);
}

/** Runs of sentences of one paragraph (no line break between them), each at most PASSAGE_CHARS long. */
function passagesOf(text: string, sentences: Span[]): Span[] {
  const passages: Span[] = [];
  for (const sentence of sentences) {
    const last = passages[passages.length - 1];
    // A sentence without a closing stop (a dateline, a heading) ends its passage, else compromise would
    // read it and the next as one ("KYIV, 11 January — Two more …" makes "Two" a name).
    const joinable =
      last &&
      /[.!?"”’)]$/.test(text.slice(last.start, last.end)) &&
      !text.slice(last.end, sentence.start).includes("\n") &&
      sentence.end - last.start <= PASSAGE_CHARS;
    if (joinable) last.end = sentence.end;
    else passages.push({ ...sentence });
  }
  return passages;
}

/** Overlapping finds of one kind: the longest stays (the first found among equals). */
function distinct<T extends Span>(found: T[]): T[] {
  const kept: T[] = [];
  const byLength = found
    .map((f, i) => ({ f, i }))
    .sort((a, b) => b.f.end - b.f.start - (a.f.end - a.f.start) || a.i - b.i);
  for (const { f } of byLength) if (!kept.some((k) => k.start < f.end && f.start < k.end)) kept.push(f);
  return kept.sort((a, b) => a.start - b.start);
}

/** "Stoltenberg said…" after "Jens Stoltenberg": a named person's surname on its own is that person too. */
function surnames(text: string, sentences: Span[], candidates: ExtractedCandidate[]): ExtractedCandidate[] {
  const names = candidates.filter((c) => c.kind === "name");
  const taken = new Set<number>();
  for (const n of names) for (let i = n.start; i < n.end; i++) taken.add(i);
  const found: ExtractedCandidate[] = [];
  const seen = new Set<string>();
  for (const person of names) {
    const surname = person.name.split(/\s+/).at(-1) ?? "";
    if (person.nameType !== "person" || surname === person.name || seen.has(surname)) continue;
    seen.add(surname);
    const escaped = surname.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    for (const match of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "gu"))) {
      const start = match.index ?? 0;
      const end = start + surname.length;
      if (taken.has(start) || taken.has(end - 1)) continue;
      const sentence = sentenceAt(sentences, start) ?? { start, end };
      found.push({ kind: "name", start, end, exact: surname, sentence, name: surname, nameType: "person" });
    }
  }
  return found;
}

/** The sentence holding a position (sentences in text order), by binary search. */
function sentenceAt(sentences: Span[], position: number): Span | undefined {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const sentence = sentences[middle] as Span;
    if (position < sentence.start) high = middle - 1;
    else if (position >= sentence.end) low = middle + 1;
    else return sentence;
  }
  return undefined;
}
