// The extraction engine's own rules (issue 15), each on a sentence written for it: weekdays resolved by
// tense, ranges, hedges, units, numbers that are not figures, Cyrillic names, and a long document.
import { describe, expect, it } from "vitest";
import type { ExtractedCandidate } from "@/lib/schemas/candidate";
import { extractCandidates } from "@/server/extraction/extract-candidates";
import { LABELLED_REPORTS } from "../fixtures/extraction/labelled-set";

const TUESDAY = "2022-01-11";
const extract = (text: string, publishedAt = TUESDAY) => extractCandidates({ text, publishedAt });
const dates = (text: string, publishedAt = TUESDAY) =>
  extract(text, publishedAt).flatMap((c) => (c.kind === "date" ? [{ exact: c.exact, ...c.date }] : []));
const figures = (text: string) =>
  extract(text).flatMap((c) => (c.kind === "figure" ? [{ value: c.value, unit: c.unit, qualifier: c.qualifier }] : []));
const names = (text: string) => extract(text).flatMap((c) => (c.kind === "name" ? [`${c.name} (${c.nameType})`] : []));

describe("weekdays", () => {
  it("a weekday after a verb in the past is the one before the publication date", () => {
    expect(dates("Two more battalion tactical groups arrived at the depot on Saturday.")).toEqual([
      { exact: "on Saturday", start: "2022-01-08", precision: "day" },
    ]);
  });

  it("a weekday after a verb in the present or future is the one after it", () => {
    expect(dates("The deputy minister meets his counterpart on Thursday.")[0]?.start).toBe("2022-01-13");
    expect(dates("The envoy will fly to Vienna on Friday.")[0]?.start).toBe("2022-01-14");
    // chrono alone takes the nearest Friday either way: the 14th, three days on.
    expect(dates("The envoy flew to Vienna on Friday.")[0]?.start).toBe("2022-01-07");
  });

  it("a modal in reported speech looks ahead", () => {
    expect(dates("He said the talks would go on Wednesday.")[0]?.start).toBe("2022-01-12");
  });

  it("the publication's own weekday is the publication day", () => {
    expect(dates("The council sat on Tuesday.")[0]?.start).toBe(TUESDAY);
  });

  it("a day number in brackets after a weekday settles it and is part of the span", () => {
    expect(dates("The talks opened on Monday (10) in Geneva.")).toEqual([
      { exact: "on Monday (10)", start: "2022-01-10", precision: "day" },
    ]);
  });

  it("a weekday's abbreviation in lower case is not a date", () => {
    expect(dates("The delegations sat down at noon.")).toEqual([]);
  });
});

describe("ranges and months", () => {
  it("'from 10 to 20 February' is a range of days", () => {
    expect(dates("The drills run from 10 to 20 February.")[0]).toMatchObject({
      start: "2022-02-10",
      end: "2022-02-20",
      precision: "day",
    });
  });

  it("'within ten days' runs from the publication date", () => {
    expect(dates("The council could meet again within ten days.")[0]).toMatchObject({
      start: TUESDAY,
      end: "2022-01-21",
    });
  });

  it("'next week' is the next Monday to Sunday", () => {
    expect(dates("Talks continue next week.")[0]).toMatchObject({
      start: "2022-01-17",
      end: "2022-01-23",
      precision: "day",
    });
  });

  it("'since December' is the December before, 'for February' the coming one, with month precision", () => {
    expect(dates("Since December the build-up has grown.")[0]).toMatchObject({ start: "2021-12", precision: "month" });
    expect(dates("An exercise is planned for February.")[0]).toMatchObject({ start: "2022-02", precision: "month" });
  });

  it("'in 2014' is a year; a time of day alone is no date", () => {
    expect(dates("Russia annexed Crimea in 2014.")[0]).toMatchObject({ start: "2014", precision: "year" });
    expect(dates("Most sites were restored by 10:30.")).toEqual([]);
    expect(dates("They talked for four hours.")).toEqual([]);
  });
});

describe("figures", () => {
  it("reads the hedge before a number", () => {
    expect(figures("Roughly 106,000 personnel are near the border.")).toEqual([
      { value: 106_000, unit: "personnel", qualifier: "about" },
    ]);
    expect(figures("No more than 3,000 troops are in Belarus.")[0]?.qualifier).toBe("at most");
    expect(figures("More than 10,000 reservists reported.")[0]?.qualifier).toBe("more than");
    expect(figures("At least 70 affected sites were counted.")[0]?.qualifier).toBe("at least");
    expect(figures("Fewer than 200 advisers remain.")[0]?.qualifier).toBe("less than");
    expect(figures("Up to 8,500 troops could be put on alert.")[0]?.qualifier).toBe("up to");
    expect(figures("The brigade has 40 tanks.")[0]?.qualifier).toBeNull();
  });

  it("the unit is the counted noun phrase, without 'more'", () => {
    expect(figures("Two more battalion tactical groups arrived by rail.")).toEqual([
      { value: 2, unit: "battalion tactical groups", qualifier: null },
    ]);
  });

  it("report and paragraph numbers, years, times, dates and durations are not figures", () => {
    const text = [
      "Sitrep 14 estimates put the force at 100,000 troops, more than the 2014 annexation force.",
      "Para 3 units were seen at 14:00 crossing on 13 January 2022 talks day after nearly eight hours.",
    ].join("\n\n");
    expect(figures(text)).toEqual([{ value: 100_000, unit: "troops", qualifier: null }]);
  });
});

describe("names", () => {
  it("capitalised Cyrillic word pairs are people", () => {
    expect(names("Деловая встреча: Сергей Кравцов met the press in Kyiv.")).toContain("Сергей Кравцов (person)");
  });

  it("acronyms are organisations, datelines and country acronyms places", () => {
    expect(names("KYIV, 12 January — The OSCE and the US sent observers.")).toEqual(
      expect.arrayContaining(["Kyiv (place)", "OSCE (organisation)", "US (place)"]),
    );
  });
});

describe("every candidate", () => {
  it("has an exact equal to its slice of the text, also after Cyrillic and astral characters", () => {
    const text = `😀 Сергей Кравцов said on Monday that about 2,000 troops left.\n\n${LABELLED_REPORTS[1]?.text}`;
    const candidates = extract(text);
    expect(candidates.length).toBeGreaterThan(5);
    for (const c of candidates) expect(c.exact).toBe(text.slice(c.start, c.end));
  });

  it("comes in text order, overlapping nothing of its own kind", () => {
    const candidates = extract(LABELLED_REPORTS.map((r) => r.text).join("\n\n"));
    const byKind = new Map<string, ExtractedCandidate[]>();
    for (const c of candidates) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c]);
    for (const list of byKind.values()) {
      for (let i = 1; i < list.length; i++)
        expect((list[i] as ExtractedCandidate).start).toBeGreaterThanOrEqual((list[i - 1] as ExtractedCandidate).end);
    }
  });

  it("an empty or blank text has none", () => {
    expect(extract("")).toEqual([]);
    expect(extract("  \n\n \t")).toEqual([]);
  });

  it("a 200 KiB line without a full stop is read in pieces, in bounded time", () => {
    const words = "troops moved near Kyiv on Saturday with about 3,000 soldiers and Сергей Кравцов said ".repeat(2_600);
    const started = performance.now();
    const candidates = extract(words);
    expect(candidates.length).toBeGreaterThan(2_000);
    for (const c of candidates) expect(c.sentence.end - c.sentence.start).toBeLessThanOrEqual(1_000);
    expect((performance.now() - started) / 1000).toBeLessThan(20);
  }, 60_000);

  it("a 200 KiB document is read in one go", () => {
    let text = "";
    for (let i = 0; text.length < 200 * 1024; i++) text += `${LABELLED_REPORTS[i % LABELLED_REPORTS.length]?.text}\n\n`;
    const started = performance.now();
    const candidates = extract(text);
    const seconds = (performance.now() - started) / 1000;
    expect(candidates.length).toBeGreaterThan(2_000);
    // The 2 s target is the benchmark's (bench/scenarios/extraction.ts, idle machine); here only a bound
    // that a runaway (quadratic) pass would break on a loaded test machine.
    expect(seconds).toBeLessThan(20);
  }, 60_000);
});
