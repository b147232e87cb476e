// Matching runs on a folded copy of the text, so that a revision which only retypes quote marks, dashes
// or whitespace still finds the passage exactly. Folding never changes what is returned: every folded
// code unit remembers the original index it came from, and positions are mapped back through it.

/** Typographic marks folded to one ASCII stand-in each (one code unit in, one out). */
const FOLDED_MARKS: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201A": "'",
  "\u201B": "'",
  "\u2032": "'",
  "\u02BC": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u201E": '"',
  "\u201F": '"',
  "\u2033": '"',
  "\u00AB": '"',
  "\u00BB": '"',
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
};

/** Invisible code units an editor adds or drops without anyone seeing a change. */
const INVISIBLE = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const WHITESPACE = /\s/;
/** Letters, digits and most punctuation are below this and are neither whitespace nor folded. */
const isPlain = (code: number) => code > 32 && code < 127;

export type FoldedText = {
  /** The folded text: marks replaced, invisibles dropped, every whitespace run one space. */
  folded: string;
  /** For each folded index, the original index it came from; one extra entry for the end. */
  toOriginal: Int32Array;
  /** For each original index (and the end), the folded index at or after it. */
  toFolded: Int32Array;
};

export function foldText(text: string): FoldedText {
  const units = new Uint16Array(text.length);
  const toOriginal = new Int32Array(text.length + 1);
  const toFolded = new Int32Array(text.length + 1);
  let length = 0;
  let inWhitespace = false;
  for (let index = 0; index < text.length; index += 1) {
    toFolded[index] = length;
    const code = text.charCodeAt(index);
    if (isPlain(code)) {
      inWhitespace = false;
      toOriginal[length] = index;
      units[length++] = code;
      continue;
    }
    if (INVISIBLE.has(code)) continue;
    const unit = text[index] as string;
    if (WHITESPACE.test(unit)) {
      if (inWhitespace) continue;
      inWhitespace = true;
      toOriginal[length] = index;
      units[length++] = SPACE;
      continue;
    }
    inWhitespace = false;
    toOriginal[length] = index;
    units[length++] = (FOLDED_MARKS[unit] ?? unit).charCodeAt(0);
  }
  toOriginal[length] = text.length;
  toFolded[text.length] = length;
  return { folded: stringOf(units.subarray(0, length)), toOriginal: toOriginal.subarray(0, length + 1), toFolded };
}

const SPACE = 0x20;
const CHUNK = 8192;

/** Code units to a string, a chunk at a time (one call with 200,000 arguments would overflow the stack). */
function stringOf(units: Uint16Array): string {
  const parts: string[] = [];
  for (let at = 0; at < units.length; at += CHUNK) {
    parts.push(String.fromCharCode(...units.subarray(at, at + CHUNK)));
  }
  return parts.join("");
}

/** The folded form of a short string (a quote, a prefix, a suffix), where no mapping back is needed. */
export const foldString = (value: string) => foldText(value).folded;

/**
 * The original span of folded [start, end). The end maps to just after the last folded unit's origin, so
 * a span never swallows the whitespace run or invisibles that follow it.
 */
export function originalSpan(text: FoldedText, start: number, end: number) {
  const originalStart = text.toOriginal[start] ?? 0;
  if (end <= start) return { start: originalStart, end: originalStart };
  return { start: originalStart, end: (text.toOriginal[end - 1] ?? originalStart) + 1 };
}
