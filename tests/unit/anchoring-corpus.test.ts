// A labelled corpus for lib/anchoring (issue 14): a passage chosen in one version of a short situation
// report, the revised text, and where the passage is in it — or that it is gone. ⟦ and ⟧ mark the quote
// in the old text and the expected span in the new; a new text without marks expects an orphan. The
// texts are our own, written for this corpus about the crisis week of January 2022.
import { describe, expect, it } from "vitest";
import { anchorAll, anchorAllDetailed, anchorQuote, selectorFor } from "@/lib/anchoring";

type Case = { name: string; old: string; revised: string; via?: "position" | "exact" | "approximate" };

const OPEN = "⟦";
const CLOSE = "⟧";

/** The text without marks, and the marked span (null when there is none). */
function unmark(marked: string) {
  const start = marked.indexOf(OPEN);
  const end = marked.indexOf(CLOSE);
  const text = marked.replace(OPEN, "").replace(CLOSE, "");
  if (start < 0) return { text, span: null };
  return { text, span: { start, end: end - OPEN.length } };
}

/** Moves the marks from `quote` (the nth occurrence in the clean text) into the text. */
const mark = (text: string, quote: string, nth = 0) => {
  let at = -1;
  for (let seen = 0; seen <= nth; seen += 1) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`corpus: "${quote}" not in text`);
  return `${text.slice(0, at)}${OPEN}${quote}${CLOSE}${text.slice(at + quote.length)}`;
};

const TROOPS =
  "Sitrep 14, 24 January 2022. Roughly 100,000 troops are now deployed along Ukraine's northern and eastern borders, according to Western officials. Satellite imagery shows new field hospitals near Yelnya.";
const GENEVA =
  'Talks in Geneva on 10 January ended without agreement. Moscow repeated its demand that NATO rule out further enlargement; Washington called the demand a "non-starter".';
const WEAPONS =
  "The United Kingdom began flying anti-tank weapons to Kyiv on 17 January. The first flights avoided German airspace and took the longer route over Denmark.";
const EMBASSY =
  "On 23 January the State Department ordered the families of embassy staff in Kyiv to leave. Britain announced a partial drawdown the next day.";
const DRILLS =
  "Belarus and Russia announced joint exercises, Allied Resolve 2022, to begin on 10 February. Troops and equipment have been arriving in Belarus by rail since mid-January.";
const STANDBY =
  "NATO said it was putting forces on standby and sending additional ships and fighter jets to Eastern Europe. Denmark, Spain and the Netherlands offered aircraft and frigates.";
const INCURSION =
  "The President said a minor incursion might draw a lesser response, then clarified the next day that any movement of Russian units across the border would be treated as an invasion.";
const REPORT = [TROOPS, GENEVA, WEAPONS, EMBASSY, DRILLS, STANDBY].join("\n\n");
const RU =
  "Сводка 14, 24 января 2022 года. По оценкам западных чиновников, у границ Украины сосредоточено около 100 000 военнослужащих. Переговоры в Женеве завершились без договорённости; Москва назвала ответ «неконструктивным».";
const REPEATED =
  "In Minsk, officials said the drills were purely defensive. In Moscow, officials said no decision on an offensive had been taken. In Kyiv, officials said the threat was serious but not imminent.";
const LONG_PASSAGE = [TROOPS, GENEVA, WEAPONS].join(" ");

/** A sentence of our own cut or stretched to exactly `length` code units (to line an occurrence up). */
const filler = (length: number) =>
  "Update at 18:00: the duty officer added further notes on rail movements near Gomel and Mozyr. "
    .repeat(Math.ceil(length / 90) + 1)
    .slice(0, length);

const replaceIn = (text: string, from: string, to: string) => {
  if (!text.includes(from)) throw new Error(`corpus: "${from}" not in text`);
  return text.replace(from, to);
};

const secondOfficials = REPEATED.indexOf("officials said", REPEATED.indexOf("officials said") + 1);
const firstOfficials = REPEATED.indexOf("officials said");

const CASES: Case[] = [
  // Unchanged and shifted text.
  {
    name: "unchanged text",
    old: mark(REPORT, "new field hospitals"),
    revised: mark(REPORT, "new field hospitals"),
    via: "position",
  },
  {
    name: "a paragraph added before the passage",
    old: mark(REPORT, "took the longer route over Denmark"),
    revised: mark(`${INCURSION}\n\n${REPORT}`, "took the longer route over Denmark"),
    via: "exact",
  },
  {
    name: "a paragraph added after the passage keeps its position",
    old: mark(REPORT, "ordered the families of embassy staff"),
    revised: mark(`${REPORT}\n\n${INCURSION}`, "ordered the families of embassy staff"),
    via: "position",
  },
  {
    name: "a paragraph deleted before the passage",
    old: mark(REPORT, "offered aircraft and frigates"),
    revised: mark(REPORT.replace(`${GENEVA}\n\n`, ""), "offered aircraft and frigates"),
  },
  {
    name: "a word changed in the context only",
    old: mark(REPORT, "Britain announced a partial drawdown"),
    revised: mark(
      replaceIn(REPORT, "embassy staff in Kyiv", "embassy employees in Kyiv"),
      "Britain announced a partial drawdown",
    ),
  },
  // Edits inside the quote.
  {
    name: "a number changed inside the quote (100,000 → 106,000)",
    old: mark(REPORT, "Roughly 100,000 troops are now deployed"),
    revised: mark(replaceIn(REPORT, "100,000", "106,000"), "Roughly 106,000 troops are now deployed"),
    via: "approximate",
  },
  {
    name: "a word changed inside the quote",
    old: mark(REPORT, "Roughly 100,000 troops are now deployed along Ukraine's northern"),
    revised: mark(
      replaceIn(REPORT, "troops are now", "soldiers are now"),
      "Roughly 100,000 soldiers are now deployed along Ukraine's northern",
    ),
    via: "approximate",
  },
  {
    name: "a word inserted inside the quote",
    old: mark(REPORT, "ordered the families of embassy staff in Kyiv to leave"),
    revised: mark(
      replaceIn(REPORT, "ordered the families", "ordered the remaining families"),
      "ordered the remaining families of embassy staff in Kyiv to leave",
    ),
  },
  {
    name: "a word deleted inside the quote",
    old: mark(REPORT, "sending additional ships and fighter jets to Eastern Europe"),
    revised: mark(replaceIn(REPORT, "additional ships", "ships"), "sending ships and fighter jets to Eastern Europe"),
  },
  {
    name: "a typo fixed inside the quote",
    old: mark(replaceIn(REPORT, "equipment have", "equipmnet have"), "Troops and equipmnet have been arriving"),
    revised: mark(REPORT, "Troops and equipment have been arriving"),
  },
  {
    name: "a capital letter changed inside the quote",
    old: mark(REPORT, "the State Department ordered the families"),
    revised: mark(
      replaceIn(REPORT, "the State Department", "the state department"),
      "the state department ordered the families",
    ),
  },
  {
    name: "a number changed and text added before it",
    old: mark(REPORT, "to begin on 10 February"),
    revised: mark(`${INCURSION}\n\n${replaceIn(REPORT, "10 February", "12 February")}`, "to begin on 12 February"),
  },
  // Punctuation, quote marks, dashes, whitespace.
  {
    name: "a semicolon made a full stop inside the quote",
    old: mark(REPORT, "rule out further enlargement; Washington called"),
    revised: mark(
      replaceIn(REPORT, "enlargement; Washington", "enlargement. Washington"),
      "rule out further enlargement. Washington called",
    ),
    via: "approximate",
  },
  {
    name: "straight quotation marks made curly",
    old: mark(REPORT, 'called the demand a "non-starter"'),
    revised: mark(replaceIn(REPORT, '"non-starter"', "“non-starter”"), "called the demand a “non-starter”"),
    via: "exact",
  },
  {
    name: "curly apostrophe made straight",
    old: mark(replaceIn(REPORT, "Ukraine's", "Ukraine’s"), "deployed along Ukraine’s northern and eastern borders"),
    revised: mark(REPORT, "deployed along Ukraine's northern and eastern borders"),
    via: "exact",
  },
  {
    name: "a spaced hyphen made an em dash",
    old: mark(replaceIn(REPORT, "leave. Britain", "leave - Britain"), "to leave - Britain announced"),
    revised: mark(replaceIn(REPORT, "leave. Britain", "leave — Britain"), "to leave — Britain announced"),
    via: "exact",
  },
  {
    name: "a line break inside the quote became a space",
    old: mark(replaceIn(REPORT, "by rail since", "by rail\nsince"), "arriving in Belarus by rail\nsince mid-January"),
    revised: mark(REPORT, "arriving in Belarus by rail since mid-January"),
    via: "exact",
  },
  {
    name: "double spaces inside the quote",
    old: mark(REPORT, "ended without agreement. Moscow repeated"),
    revised: mark(
      replaceIn(REPORT, "agreement. Moscow", "agreement.   Moscow"),
      "ended without agreement.   Moscow repeated",
    ),
    via: "exact",
  },
  {
    name: "whitespace rewrapped around the quote",
    old: mark(REPORT, "Satellite imagery shows"),
    revised: mark(replaceIn(REPORT, "officials. Satellite", "officials.\n  Satellite"), "Satellite imagery shows"),
    via: "exact",
  },
  {
    name: "a soft hyphen inserted in a word of the quote",
    old: mark(REPORT, "partial drawdown the next day"),
    revised: mark(replaceIn(REPORT, "drawdown", "draw\u00ADdown"), "partial draw\u00ADdown the next day"),
    via: "exact",
  },
  // Repeated phrases: only the context tells which.
  {
    name: "a repeated phrase: the second occurrence after text is added before both",
    old: mark(REPEATED, "officials said", 1),
    revised: mark(`Belarus, 25 January. ${REPEATED}`, "officials said", 1),
    via: "exact",
  },
  {
    name: "a repeated phrase: the other occurrence now sits at the old position",
    old: mark(REPEATED, "officials said", 1),
    revised: mark(`${filler(secondOfficials - firstOfficials)}${REPEATED}`, "officials said", 1),
    via: "exact",
  },
  {
    name: "a repeated phrase: the third, after the first sentence is deleted",
    old: mark(REPEATED, "officials said", 2),
    revised: mark(REPEATED.slice(REPEATED.indexOf("In Moscow")), "officials said", 1),
  },
  {
    name: "a repeated phrase whose own sentence was deleted is not moved to a sibling",
    old: mark(REPEATED, "officials said", 1),
    revised: REPEATED.replace(" In Moscow, officials said no decision on an offensive had been taken.", ""),
  },
  {
    name: "a paragraph now twice, neither copy nearer the old place: orphan, not a coin flip",
    old: mark(`${filler(400)}\n\n${WEAPONS}\n\n${filler(400)}`, "anti-tank weapons to Kyiv"),
    // The old place is 434; the copies start the quote at 32 and 934: both far, neither half as far.
    revised: `${WEAPONS}\n\n${filler(745)}\n\n${WEAPONS}`,
  },
  {
    name: "a paragraph now twice, one copy where it was",
    old: mark(`${filler(400)}\n\n${WEAPONS}\n\n${filler(2000)}`, "anti-tank weapons to Kyiv"),
    revised: mark(`${filler(405)}\n\n${WEAPONS}\n\n${filler(2000)}\n\n${WEAPONS}`, "anti-tank weapons to Kyiv"),
  },
  // Moved paragraphs.
  {
    name: "a paragraph moved to the end, quote in its middle",
    old: mark(REPORT, "anti-tank weapons to Kyiv"),
    revised: mark([TROOPS, GENEVA, EMBASSY, DRILLS, STANDBY, WEAPONS].join("\n\n"), "anti-tank weapons to Kyiv"),
    via: "exact",
  },
  {
    name: "a paragraph moved past a neighbour, quote at its start (the prefix changed)",
    old: mark(REPORT, "Talks in Geneva on 10 January"),
    revised: mark([GENEVA, TROOPS, WEAPONS, EMBASSY, DRILLS, STANDBY].join("\n\n"), "Talks in Geneva on 10 January"),
    via: "exact",
  },
  {
    // Far away, one intact side is what a look-alike sentence also has; precision first.
    name: "a paragraph moved far, short quote at its start: orphan",
    old: mark(REPORT, "Talks in Geneva on 10 January"),
    revised: [TROOPS, WEAPONS, EMBASSY, DRILLS, STANDBY, INCURSION, GENEVA].join("\n\n"),
  },
  {
    name: "a whole paragraph quoted and moved (both sides changed)",
    old: mark(REPORT, EMBASSY),
    revised: mark([EMBASSY, TROOPS, GENEVA, WEAPONS, DRILLS, STANDBY].join("\n\n"), EMBASSY),
    via: "exact",
  },
  {
    name: "a paragraph moved and edited inside the quote",
    old: mark(REPORT, "joint exercises, Allied Resolve 2022, to begin on 10 February"),
    revised: mark(
      [replaceIn(DRILLS, "10 February", "9 February"), TROOPS, GENEVA, WEAPONS, EMBASSY, STANDBY].join("\n\n"),
      "joint exercises, Allied Resolve 2022, to begin on 9 February",
    ),
    via: "approximate",
  },
  // Deleted and rewritten passages.
  {
    name: "the quoted sentence deleted",
    old: mark(REPORT, "The first flights avoided German airspace"),
    revised: REPORT.replace(" The first flights avoided German airspace and took the longer route over Denmark.", ""),
  },
  {
    name: "the quoted paragraph deleted",
    old: mark(REPORT, "NATO said it was putting forces on standby"),
    revised: REPORT.replace(`\n\n${STANDBY}`, ""),
  },
  {
    name: "the passage rewritten beyond recognition",
    old: mark(REPORT, "Roughly 100,000 troops are now deployed along Ukraine's northern and eastern borders"),
    revised: REPORT.replace(
      "Roughly 100,000 troops are now deployed along Ukraine's northern and eastern borders, according to Western officials.",
      "Estimates of the build-up differ widely between capitals and none has been confirmed independently.",
    ),
  },
  {
    name: "the passage rewritten to say the opposite",
    old: mark(REPORT, "Britain announced a partial drawdown the next day."),
    revised: replaceIn(
      REPORT,
      "Britain announced a partial drawdown the next day.",
      "London kept its whole embassy staff in place.",
    ),
  },
  {
    // About 80 % of the quote survives, but neither side of its context does: below the threshold.
    name: "the paragraph rewritten around a similar sentence that says otherwise",
    old: mark(REPORT, "Troops and equipment have been arriving in Belarus by rail since mid-January"),
    revised: replaceIn(
      REPORT,
      DRILLS,
      "Exercises were called off at short notice. Troops and equipment have been leaving Belarus by road since late January, officials in Vilnius said.",
    ),
  },
  {
    name: "a short quote gone from its sentence but present in another",
    old: mark(REPORT, "Kyiv", 0),
    revised: replaceIn(REPORT, "anti-tank weapons to Kyiv on 17 January", "anti-tank weapons on 17 January"),
  },
  {
    name: "a figure deleted while a similar one stands in another sentence",
    old: mark(`${TROOPS} Officials in Warsaw put the number at 10,000 troops in Belarus alone.`, "100,000 troops"),
    revised: `${replaceIn(TROOPS, "Roughly 100,000 troops are now deployed", "Forces are now deployed")} Officials in Warsaw put the number at 10,000 troops in Belarus alone.`,
  },
  {
    name: "empty revised text",
    old: mark(REPORT, "offered aircraft"),
    revised: "",
  },
  // Cyrillic.
  {
    name: "Cyrillic, unchanged",
    old: mark(RU, "у границ Украины"),
    revised: mark(RU, "у границ Украины"),
    via: "position",
  },
  {
    name: "Cyrillic, shifted by an added sentence",
    old: mark(RU, "Переговоры в Женеве завершились без договорённости"),
    revised: mark(`Срочно. ${RU}`, "Переговоры в Женеве завершились без договорённости"),
    via: "exact",
  },
  {
    name: "Cyrillic, a number changed and its space made non-breaking",
    old: mark(RU, "сосредоточено около 100 000 военнослужащих"),
    revised: mark(replaceIn(RU, "100 000", "110\u00A0000"), "сосредоточено около 110\u00A0000 военнослужащих"),
    via: "approximate",
  },
  {
    name: "Cyrillic, guillemets made straight quotes",
    old: mark(RU, "Москва назвала ответ «неконструктивным»"),
    revised: mark(replaceIn(RU, "«неконструктивным»", '"неконструктивным"'), 'Москва назвала ответ "неконструктивным"'),
    via: "exact",
  },
  {
    name: "Cyrillic, a word changed inside the quote",
    old: mark(RU, "По оценкам западных чиновников, у границ Украины сосредоточено"),
    revised: mark(
      replaceIn(RU, "западных", "американских"),
      "По оценкам американских чиновников, у границ Украины сосредоточено",
    ),
    via: "approximate",
  },
  {
    name: "Cyrillic, the quoted sentence deleted",
    old: mark(RU, "Переговоры в Женеве завершились без договорённости"),
    revised: RU.replace(
      " Переговоры в Женеве завершились без договорённости; Москва назвала ответ «неконструктивным».",
      "",
    ),
  },
  // The ends of the text.
  {
    name: "a quote at the very start, text appended",
    old: mark(REPORT, "Sitrep 14, 24 January 2022."),
    revised: mark(`${REPORT}\n\n${INCURSION}`, "Sitrep 14, 24 January 2022."),
    via: "position",
  },
  {
    name: "a quote at the very start, text put before it",
    old: mark(REPORT, "Sitrep 14, 24 January 2022. Roughly"),
    revised: mark(`FLASH. ${REPORT}`, "Sitrep 14, 24 January 2022. Roughly"),
    via: "exact",
  },
  {
    name: "a quote at the very end, text appended",
    old: mark(REPORT, "offered aircraft and frigates."),
    revised: mark(`${REPORT}\n\n${INCURSION}`, "offered aircraft and frigates."),
    via: "position",
  },
  {
    name: "a quote at the very end, edited",
    old: mark(REPORT, "Spain and the Netherlands offered aircraft and frigates."),
    revised: mark(
      replaceIn(REPORT, "offered aircraft", "offered jets"),
      "Spain and the Netherlands offered jets and frigates.",
    ),
    via: "approximate",
  },
  {
    name: "the whole text quoted, one word changed",
    old: mark(INCURSION, INCURSION),
    revised: mark(
      replaceIn(INCURSION, "lesser response", "weaker response"),
      replaceIn(INCURSION, "lesser response", "weaker response"),
    ),
    via: "approximate",
  },
  // Long quotes (beyond one search window).
  {
    name: "a long quote edited in two places",
    old: mark(`${INCURSION}\n\n${LONG_PASSAGE}\n\n${STANDBY}`, LONG_PASSAGE),
    revised: mark(
      `${INCURSION}\n\n${replaceIn(replaceIn(LONG_PASSAGE, "100,000", "106,000"), "17 January", "18 January")}\n\n${STANDBY}`,
      replaceIn(replaceIn(LONG_PASSAGE, "100,000", "106,000"), "17 January", "18 January"),
    ),
    via: "approximate",
  },
  {
    name: "a long quote edited and moved far away",
    old: mark(`${LONG_PASSAGE}\n\n${filler(3000)}`, LONG_PASSAGE),
    revised: mark(
      `${filler(3000)}\n\n${replaceIn(LONG_PASSAGE, "Western officials", "NATO officials")}`,
      replaceIn(LONG_PASSAGE, "Western officials", "NATO officials"),
    ),
    via: "approximate",
  },
  {
    name: "an astral character in the quote, text shifted",
    old: mark(`📍 Kharkiv: ${EMBASSY}`, "📍 Kharkiv: On 23 January"),
    revised: mark(`Morning note. 📍 Kharkiv: ${EMBASSY}`, "📍 Kharkiv: On 23 January"),
    via: "exact",
  },
];

describe("anchoring corpus", () => {
  it("has at least 40 labelled cases, each with a quote in its old text", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    for (const c of CASES) expect(unmark(c.old).span, c.name).not.toBeNull();
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const before = unmark(c.old);
    const after = unmark(c.revised);
    const oldSpan = before.span as { start: number; end: number };
    const selector = selectorFor(before.text, oldSpan.start, oldSpan.end);
    const found = anchorQuote(after.text, selector);
    expect(found && { ...found, text: after.text.slice(found.start, found.end) }).toEqual(
      after.span && { ...after.span, text: after.text.slice(after.span.start, after.span.end) },
    );
    const [detailed] = anchorAllDetailed(after.text, [selector]);
    if (c.via) expect(detailed?.method).toBe(c.via);
  });

  it("anchorAll gives each case's answer with all the corpus' selectors on one text", () => {
    const before = unmark(CASES[0]?.old ?? "");
    const quotes = [
      "Roughly 100,000 troops",
      "according to Western officials",
      "ended without agreement",
      "the longer route",
      "Kyiv",
    ];
    const selectors = quotes.map((quote) => {
      const start = before.text.indexOf(quote);
      return selectorFor(before.text, start, start + quote.length);
    });
    const revised = `${INCURSION}\n\n${replaceIn(before.text, "100,000", "106,000")}`;
    const one = selectors.map((selector) => anchorQuote(revised, selector));
    expect(anchorAll(revised, selectors)).toEqual(one);
    expect(one[0] && revised.slice(one[0].start, one[0].end)).toBe("Roughly 106,000 troops");
  });
});
