// Properties of lib/anchoring over random texts (issue 14): a text that did not change anchors every
// selector where it was, anchoring never answers a span outside the text, and a selector describes its
// span. The texts mix Latin and Cyrillic words, curly and straight quotes, astral characters, invisible
// soft hyphens and whitespace runs. Seeded; the seed is printed, and FC_SEED=<seed> replays a run.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anchorAll, anchorQuote, CONTEXT_LENGTH, selectorFor } from "@/lib/anchoring";
import { editDistance } from "@/lib/anchoring/similarity";

const SEED = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(`anchoring properties: fast-check seed ${SEED} (replay with FC_SEED=${SEED})`);
const RUNS = { seed: SEED, numRuns: 200 };

const WORDS = [
  "troops",
  "border",
  "officials",
  "said",
  "Kyiv",
  "Minsk",
  "100,000",
  "“standby”",
  '"talks"',
  "Ukraine’s",
  "Ukraine's",
  "войска",
  "граница",
  "Женева",
  "📍",
  "draw\u00ADdown",
  "—",
  "the",
  "the",
  "of",
];
const GAPS = [" ", " ", " ", "  ", "\n", "\n\n", ", ", ". ", "\u00A0"];

const textArbitrary = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...GAPS)), { minLength: 1, maxLength: 80 })
  .map((parts) => parts.map(([word, gap]) => word + gap).join(""));

/** A text and a non-empty span in it. */
const spanArbitrary = textArbitrary.chain((text) =>
  fc
    .tuple(fc.nat({ max: text.length - 1 }), fc.nat({ max: text.length - 1 }))
    .map(([a, b]) => ({ text, start: Math.min(a, b), end: Math.max(a, b) + 1 })),
);

type Edit = { at: number; remove: number; insert: string };
const editsArbitrary = fc.array(
  fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    remove: fc.nat({ max: 40 }),
    insert: fc.array(fc.constantFrom(...WORDS, ...GAPS), { maxLength: 6 }).map((parts) => parts.join("")),
  }),
  { minLength: 1, maxLength: 6 },
);

function applyEdits(text: string, edits: { at: number; remove: number; insert: string }[]): string {
  return edits.reduce((current: string, edit: Edit) => {
    const at = Math.floor(edit.at * current.length);
    return current.slice(0, at) + edit.insert + current.slice(at + edit.remove);
  }, text);
}

const within = (text: string) => (span: { start: number; end: number } | null) =>
  span === null ||
  (Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.start < span.end &&
    span.end <= text.length);

/** The textbook table, to hold the bit-vector distance to. */
function referenceDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => i + j));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const above = rows[i - 1] as number[];
      const row = rows[i] as number[];
      const substitution = (above[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row[j] = Math.min(substitution, (above[j] as number) + 1, (row[j - 1] as number) + 1);
    }
  }
  return rows[a.length]?.[b.length] as number;
}

describe("anchoring properties", () => {
  it("the context comparison's edit distance is Levenshtein's, up to and past 32 code units", () => {
    const piece = fc.string({ unit: fc.constantFrom("a", "b", "c", " ", "ы", "’"), maxLength: 40 });
    fc.assert(
      fc.property(piece, piece, (a, b) => {
        expect(editDistance(a, b)).toBe(referenceDistance(a, b));
      }),
      { ...RUNS, numRuns: 1000 },
    );
  });

  it("an unchanged text anchors every selector at its old position", () => {
    fc.assert(
      fc.property(spanArbitrary, ({ text, start, end }) => {
        expect(anchorQuote(text, selectorFor(text, start, end))).toEqual({ start, end });
      }),
      RUNS,
    );
  });

  it("anchorAll on an unchanged text gives back every old position", () => {
    fc.assert(
      fc.property(
        spanArbitrary,
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 12 }),
        ({ text }, pairs) => {
          const spans = pairs.map(([a, b]) => {
            const start = Math.min(a % text.length, b % text.length);
            return { start, end: Math.max(a % text.length, b % text.length) + 1 };
          });
          const selectors = spans.map(({ start, end }) => selectorFor(text, start, end));
          expect(anchorAll(text, selectors)).toEqual(spans);
        },
      ),
      RUNS,
    );
  });

  it("anchoring after edits never answers a span outside the revised text", () => {
    fc.assert(
      fc.property(spanArbitrary, editsArbitrary, ({ text, start, end }, edits) => {
        const revised = applyEdits(text, edits);
        const selector = selectorFor(text, start, end);
        expect(within(revised)(anchorQuote(revised, selector))).toBe(true);
        expect(anchorAll(revised, [selector]).every(within(revised))).toBe(true);
      }),
      RUNS,
    );
  });

  it("a selector holds its span's text and up to 32 code units of context, clipped at the ends", () => {
    fc.assert(
      fc.property(spanArbitrary, ({ text, start, end }) => {
        const selector = selectorFor(text, start, end);
        expect(selector.exact).toBe(text.slice(start, end));
        expect(text.slice(0, start).endsWith(selector.prefix)).toBe(true);
        expect(text.slice(end).startsWith(selector.suffix)).toBe(true);
        expect(selector.prefix.length).toBe(
          Math.min(start, CONTEXT_LENGTH) - (selector.prefix.length < Math.min(start, CONTEXT_LENGTH) ? 1 : 0),
        );
        expect(selector.suffix.length).toBeGreaterThanOrEqual(Math.min(text.length - end, CONTEXT_LENGTH) - 1);
      }),
      RUNS,
    );
  });

  it("a selector's context does not cut a surrogate pair in half", () => {
    const text = `${"📍".repeat(20)}xquotey${"📍".repeat(20)}`;
    const selector = selectorFor(text, 41, 46);
    expect(selector.exact).toBe("quote");
    expect(selector.prefix).toBe(`${"📍".repeat(15)}x`);
    expect(selector.suffix).toBe(`y${"📍".repeat(15)}`);
  });

  it("a span outside the text has no selector", () => {
    expect(() => selectorFor("abc", 2, 4)).toThrow(RangeError);
    expect(() => selectorFor("abc", 2, 1)).toThrow(RangeError);
    expect(() => selectorFor("abc", -1, 1)).toThrow(RangeError);
  });

  it("an empty quote anchors nowhere", () => {
    expect(anchorQuote("abc", selectorFor("abc", 1, 1))).toBeNull();
  });
});
