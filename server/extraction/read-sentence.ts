// What compromise tells about one sentence, with positions turned into offsets into the whole text:
// its words and their tags, its numbers (with their values), the people, places and organisations it
// knows, and its verb groups with their tense (read from the word tags).
import nlp from "compromise";
import type { Span } from "./find-sentences";

/** `post`: the punctuation and space after the word, as compromise splits it. */
export type Word = Span & { text: string; post: string; tags: Set<string> };
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
  /** The tense of the sentence's first finite verb group. */
  sentenceTense: () => Tense;
};

type Term = { text: string; post: string; tags: Set<string>; offset: { start: number; length: number } };
/** compromise's views, as far as they are used here (its own typings do not expose `docs`). */
type View = { docs: Term[][] };

/** Spans of a view's matches: from its first word's start to its last word's end (no trailing punctuation). */
function spansOf(view: View, base: number): Span[] {
  return view.docs.flatMap((terms) => {
    const first = terms[0];
    const last = terms[terms.length - 1];
    if (!first || !last) return [];
    return [{ start: base + first.offset.start, end: base + last.offset.start + last.offset.length }];
  });
}

/** The part of a passage's reading that lies in one of its sentences. */
export function narrow(read: ReadSentence, sentence: Span): ReadSentence {
  const inside = (span: Span) => span.start >= sentence.start && span.end <= sentence.end;
  const words = read.words.filter(inside);
  return {
    words,
    numbers: read.numbers.filter(inside),
    people: read.people.filter(inside),
    places: read.places.filter(inside),
    organisations: read.organisations.filter(inside),
    verbs: () => verbChunks(words),
    sentenceTense: () => verbChunks(words).find((verb) => verb.finite)?.tense ?? "present",
  };
}

/** The numbers of compromise's number view, with their values; ordinals ("first") marked. */
function readNumbers(numbers: ReturnType<ReturnType<typeof nlp>["numbers"]>, base: number): NumberMention[] {
  const values = numbers.get() as unknown[];
  const ordinals = new Set(spansOf(numbers.isOrdinal() as unknown as View, base).map((s) => s.start));
  return spansOf(numbers as unknown as View, base).flatMap((span, i) => {
    const value = values[i];
    return typeof value === "number" ? [{ ...span, value, ordinal: ordinals.has(span.start) }] : [];
  });
}

const NUMBER_HINT =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?)\b/i;

/**
 * Verb groups from compromise's word tags ("will brief", "had reported", "arrived"): compromise's own verb
 * parse says the same tense but costs more than tagging the whole sentence, and it runs for every date.
 * A "will"/"shall" group is future; one led by a past form (not a modal), or a perfect ("has brought"),
 * is past.
 */
function verbChunks(words: Word[]): VerbMention[] {
  const chunks: Word[][] = [];
  let chunk: Word[] = [];
  const close = () => {
    if (chunk.length > 0) chunks.push(chunk);
    chunk = [];
  };
  for (const word of words) {
    const verbal = word.tags.has("Verb") || word.tags.has("Auxiliary") || word.tags.has("Modal");
    // "will not meet", "has already left": adverbs inside a verb group stay in it.
    if (verbal || (chunk.length > 0 && (word.tags.has("Adverb") || word.tags.has("Negative")))) chunk.push(word);
    else close();
    if (/[,;:—]/.test(word.post)) close();
  }
  close();
  return chunks.flatMap((group) => {
    const verbs = group.filter((w) => !w.tags.has("Adverb") || w.tags.has("Verb"));
    const first = verbs[0];
    const last = verbs[verbs.length - 1];
    if (!first || !last) return [];
    const lower = verbs.map((w) => w.text.toLowerCase().replace(/[^a-z']/g, ""));
    const lone =
      verbs.length === 1 && (first.tags.has("Gerund") || first.tags.has("Participle") || first.tags.has("Infinitive"));
    const perfect = /^(?:has|have)$/.test(lower[0] ?? "") && verbs.length > 1;
    // "would go on Wednesday" in reported speech looks ahead like "will"; compromise tags "would" as past.
    const modal = /^(?:would|could|should|might|may|can|must)$/.test(lower[0] ?? "");
    const tense: Tense = lower.some((w) => w === "will" || w === "shall" || w === "'ll")
      ? "future"
      : !modal && (first.tags.has("PastTense") || perfect)
        ? "past"
        : "present";
    return [{ start: first.start, end: last.end, tense, finite: !lone }];
  });
}

/**
 * compromise on a passage of whole sentences at once (it parses its match patterns once per call, which
 * cost more than the tagging when called sentence by sentence); `narrow` then gives each sentence its part.
 */
export function readPassage(text: string, sentence: Span): ReadSentence {
  const doc = nlp(text.slice(sentence.start, sentence.end));
  doc.compute("offset");
  const base = sentence.start;
  const view = (v: unknown) => v as View;
  const words = view(doc).docs.flatMap((terms) =>
    terms.map((term) => {
      const start = base + term.offset.start;
      const end = start + term.offset.length;
      return { start, end, text: text.slice(start, end), post: term.post, tags: term.tags };
    }),
  );
  // Most sentences hold no number: compromise's number parse is skipped for them.
  const numbers = NUMBER_HINT.test(text.slice(sentence.start, sentence.end)) ? readNumbers(doc.numbers(), base) : [];
  return {
    words,
    numbers,
    people: spansOf(view(doc.people()), base),
    places: spansOf(view(doc.places()), base),
    organisations: spansOf(view(doc.organizations()), base),
    verbs: () => verbChunks(words),
    sentenceTense: () => verbChunks(words).find((verb) => verb.finite)?.tense ?? "present",
  };
}
