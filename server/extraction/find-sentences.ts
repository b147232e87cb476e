// Sentence spans of a text (UTF-16 offsets, end exclusive, trimmed): the unit the engine reads, since
// compromise and chrono are both quick on a sentence and slow on a whole 200 KiB document at once.
// A line break always ends a sentence (datelines, headings and numbered paragraphs stand alone).
export type Span = { start: number; end: number };

/** Words after which a full stop does not end the sentence. */
const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "st", "no", "para", "vs", "etc"]);

// A full stop (or ! ?), closing quotes or brackets, then space and something that can open a sentence.
const BOUNDARY = /[.!?]["”’)\]]*(?=\s+["“‘(]?[\p{Lu}\p{N}])/gu;

export function findSentences(text: string): Span[] {
  const spans: Span[] = [];
  const lines = /[^\n]+/g;
  for (let line = lines.exec(text); line; line = lines.exec(text)) {
    // A dateline ("KYIV, 11 January — ") stands alone: the story's first sentence starts after its dash.
    const dateline = /^[\p{Lu}][\p{Lu}\s/.-]+,[^—\n]{0,40}\s—\s/u.exec(line[0]);
    if (dateline) push(spans, text, line.index, line.index + dateline[0].length - 3);
    let from = line.index + (dateline ? dateline[0].length : 0);
    const lineEnd = line.index + line[0].length;
    BOUNDARY.lastIndex = 0;
    for (let stop = BOUNDARY.exec(line[0]); stop; stop = BOUNDARY.exec(line[0])) {
      const end = line.index + stop.index + stop[0].length;
      if (endsWithAbbreviation(text.slice(from, line.index + stop.index), from === line.index)) continue;
      push(spans, text, from, end);
      from = end;
    }
    push(spans, text, from, lineEnd);
  }
  return spans;
}

/** "Gen." or a lone initial "J." does not end a sentence, nor a paragraph number "1." opening its line. */
function endsWithAbbreviation(before: string, atLineStart: boolean): boolean {
  const word = /(\S+)$/.exec(before)?.[1] ?? "";
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  if (/^\p{Lu}$/u.test(word)) return true;
  return atLineStart && /^\s*\d{1,3}$/.test(before);
}

/** Longer "sentences" (a table or a list pasted as one line) are cut at a space: compromise slows down on them. */
const MAX_SENTENCE = 1_000;

function push(spans: Span[], text: string, start: number, end: number) {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from] as string)) from++;
  while (to > from && /\s/.test(text[to - 1] as string)) to--;
  if (to - from > MAX_SENTENCE) {
    const space = text.lastIndexOf(" ", from + MAX_SENTENCE);
    const cut = space > from ? space : from + MAX_SENTENCE;
    push(spans, text, from, cut);
    push(spans, text, cut, to);
  } else if (to > from) spans.push({ start: from, end: to });
}
