// What compromise tells about one sentence, with positions turned into offsets into the whole text:
// its words and their tags, its numbers (with their values), the people, places and organisations it
// knows, and (on demand, since it is the slowest part) each verb's tense.
import nlp from "compromise";
import type { Span } from "./find-sentences";

export type Word = Span & { text: string; tags: Set<string> };
export type NumberMention = Span & { value: number; ordinal: boolean };
export type Tense = "past" | "present" | "future";
/** `finite`: false for a lone gerund or participle ("according", "shown"), which has no tense of its own. */
export type VerbMention = Span & { tense: Tense; finite: boolean };

export type ReadSentence = {
  words: Word[];
  numbers: NumberMention[];
  people: Span[];
  places: Span[];
  organisations: Span[];
  verbs: () => VerbMention[];
  /** The tense of the sentence's main verb, as compromise parses the sentence. */
  sentenceTense: () => Tense;
};

type Term = { text: string; tags: string[]; offset: { start: number; length: number } };
type Match = { terms: Term[] };
type NumberMatch = Match & { number?: { num?: number } };
type VerbMatch = Match & { verb?: { grammar?: { tense?: string; progressive?: boolean } } };
type SentenceMatch = { sentence?: { grammar?: { tense?: string } } };
type View = { json(options: object): unknown[] };

/** Spans of a view's matches: from its first word's start to its last word's end (no trailing punctuation). */
function spansOf<M extends Match>(view: View, base: number): (Span & { match: M })[] {
  const spans: (Span & { match: M })[] = [];
  for (const match of view.json({ offset: true }) as M[]) {
    const first = match.terms[0];
    const last = match.terms[match.terms.length - 1];
    if (!first || !last) continue;
    spans.push({ start: base + first.offset.start, end: base + last.offset.start + last.offset.length, match });
  }
  return spans;
}

const TENSES: Record<string, Tense> = { PastTense: "past", PresentTense: "present", FutureTense: "future" };

export function readSentence(text: string, sentence: Span): ReadSentence {
  const doc = nlp(text.slice(sentence.start, sentence.end));
  const base = sentence.start;
  const words = spansOf<Match>(doc.terms(), base).map(({ start, end, match }) => ({
    start,
    end,
    text: text.slice(start, end),
    tags: new Set(match.terms[0]?.tags ?? []),
  }));
  const numbers = doc.numbers();
  const ordinals = new Set(spansOf<Match>(numbers.isOrdinal(), base).map((s) => s.start));
  return {
    words,
    numbers: spansOf<NumberMatch>(numbers, base).flatMap(({ start, end, match }) => {
      const value = match.number?.num;
      return typeof value === "number" ? [{ start, end, value, ordinal: ordinals.has(start) }] : [];
    }),
    people: spansOf<Match>(doc.people(), base).map(({ start, end }) => ({ start, end })),
    places: spansOf<Match>(doc.places(), base).map(({ start, end }) => ({ start, end })),
    organisations: spansOf<Match>(doc.organizations(), base).map(({ start, end }) => ({ start, end })),
    verbs: () =>
      spansOf<VerbMatch>(doc.verbs(), base).map(({ start, end, match }) => ({
        start,
        end,
        tense: TENSES[match.verb?.grammar?.tense ?? ""] ?? "present",
        finite: !(match.terms.length === 1 && match.terms[0]?.tags.some((t) => t === "Gerund" || t === "Participle")),
      })),
    sentenceTense: () =>
      TENSES[(doc.sentences().json()[0] as SentenceMatch | undefined)?.sentence?.grammar?.tense ?? ""] ?? "present",
  };
}
