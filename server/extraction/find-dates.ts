// Dates and date ranges of a sentence, resolved against the publication date (issue 15). chrono-node finds
// and resolves the expressions; the rules here are what it lacks for reports: a bare weekday is resolved
// by the tense of its verb (chrono takes the nearest one either way), "Monday (10)" is checked against its
// day, "within ten days" and "next week" are ranges, "since December" is in the past, "in 2014" is a year,
// times alone are not dates, and each date gets its precision (docs/extraction.md).
import * as chrono from "chrono-node";
import type { CandidateDate } from "@/lib/schemas/candidate";
import type { Span } from "./find-sentences";
import type { ReadSentence } from "./read-sentence";

export type FoundDate = Span & { date: CandidateDate };

const DAY_MS = 86_400_000;
const WEEKDAY_PREFIX = /^(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/** "YYYY-MM-DD" of a UTC midnight. */
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

export type DateContext = { text: string; publishedAt: string; sentence: Span; read: () => ReadSentence };

export function findDates(context: DateContext): FoundDate[] {
  const { text, publishedAt, sentence } = context;
  const sentenceText = text.slice(sentence.start, sentence.end);
  const reference = { instant: new Date(`${publishedAt}T12:00:00Z`), timezone: 0 };
  const found: FoundDate[] = [];
  for (const result of chrono.parse(sentenceText, reference)) {
    const date = resolve(context, result, sentence.start + result.index);
    if (date) found.push(date);
  }
  return [...found, ...findYears(sentenceText, sentence.start)];
}

function resolve(context: DateContext, result: chrono.ParsedResult, start: number): FoundDate | null {
  const { text, publishedAt } = context;
  const trimmed = result.text.replace(/[\s,.;:]+$/, "");
  let span: Span = { start, end: start + trimmed.length };
  const { start: from, end: to } = result;
  const lowered = trimmed.toLowerCase();

  // A duration is not a date ("for four hours").
  if (/^(?:for|during)\s+\S+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)$/.test(lowered)) return null;
  if (/^within\b/.test(lowered)) {
    return { ...span, date: { start: publishedAt, end: isoDay(from.date().getTime()), precision: "day" } };
  }
  const week = /^(next|last|this)\s+week$/.exec(lowered);
  if (week) return { ...span, date: weekRange(publishedAt, week[1] as string) };

  const certain = (c: chrono.Component) => from.isCertain(c);
  if (!certain("day") && !certain("weekday") && !certain("month") && !isCasualDay(lowered)) return null;

  if (certain("weekday") && !certain("day")) {
    // chrono also reads "sat" and "wed"; only a weekday spelt out is taken. "next Friday" is chrono's.
    if (/^(?:next|last|this|coming)\s/.test(lowered))
      return { ...span, date: { start: componentsDay(from), precision: "day" } };
    if (!WEEKDAY_PREFIX.test(trimmed) || !/[A-Z]/.test(trimmed)) return null;
    const weekday = from.get("weekday") as number;
    const dayNumber = /^\s*\((\d{1,2})\)/.exec(text.slice(span.end));
    if (dayNumber) span = { start: span.start, end: span.end + dayNumber[0].length };
    const day = resolveWeekday(context, span, weekday, dayNumber ? Number(dayNumber[1]) : null);
    return { ...span, date: { start: day, precision: "day" } };
  }

  if (certain("day") || isCasualDay(lowered)) {
    const date: CandidateDate = { start: componentsDay(from), precision: "day" };
    if (to?.isCertain("day")) date.end = componentsDay(to);
    return { ...span, date };
  }
  // A month without its day: "since December" and "in November" look back, "for February" forward as chrono has it.
  let month = componentsMonth(from);
  if (/\bsince\s+$/i.test(text.slice(Math.max(0, span.start - 7), span.start)) && `${month}-01` > publishedAt) {
    month = `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;
  }
  return { ...span, date: { start: month, precision: "month" } };
}

const isCasualDay = (lowered: string) => /^(today|yesterday|tomorrow|tonight|last night)$/.test(lowered);

/** The day chrono resolved, as YYYY-MM-DD (its components, not a time zone's reading of its instant). */
function componentsDay(components: chrono.ParsedComponents): string {
  const pad = (n: number | null) => String(n ?? 1).padStart(2, "0");
  return `${components.get("year")}-${pad(components.get("month"))}-${pad(components.get("day"))}`;
}
function componentsMonth(components: chrono.ParsedComponents): string {
  return `${components.get("year")}-${String(components.get("month")).padStart(2, "0")}`;
}

/**
 * A bare weekday: after a verb in the past (or after "since"/"last") the one on or before the publication
 * day, else the one on or after it. "Monday (10)" names its day: the one of the two with that day wins.
 */
function resolveWeekday(context: DateContext, span: Span, weekday: number, dayNumber: number | null): string {
  const published = dayOf(context.publishedAt);
  const publishedWeekday = new Date(published).getUTCDay();
  const before = published - ((publishedWeekday - weekday + 7) % 7) * DAY_MS;
  const after = published + ((weekday - publishedWeekday + 7) % 7) * DAY_MS;
  if (dayNumber !== null) {
    if (new Date(before).getUTCDate() === dayNumber) return isoDay(before);
    if (new Date(after).getUTCDate() === dayNumber) return isoDay(after);
  }
  const lead = context.text.slice(Math.max(context.sentence.start, span.start - 8), span.start).toLowerCase();
  if (/\b(since|last)\s+$/.test(lead)) return isoDay(before);
  if (/\b(until|till|by|next)\s+$/.test(lead)) return isoDay(after);
  return tenseNear(context, span) === "past" ? isoDay(before) : isoDay(after);
}

/**
 * The tense of the verb the date belongs to: the nearest finite verb before it in its clause ("arrived …
 * on Saturday"), else after it in its clause; when its clause has none ("…, meeting on Friday, agreed"),
 * the tense of the sentence's main verb as compromise reads it; present when there is none.
 */
function tenseNear(context: DateContext, span: Span): "past" | "present" | "future" {
  const { text, sentence } = context;
  const clauseStart = Math.max(sentence.start, ...[",", ";", "—"].map((p) => text.lastIndexOf(p, span.start) + 1));
  const ends = [",", ";", "—"].map((p) => text.indexOf(p, span.end)).filter((i) => i >= 0 && i < sentence.end);
  const clauseEnd = Math.min(sentence.end, ...ends);
  const verbs = context
    .read()
    .verbs()
    .filter((verb) => verb.finite && verb.start >= clauseStart && verb.end <= clauseEnd);
  const before = verbs.filter((verb) => verb.start < span.start).at(-1);
  const after = verbs.find((verb) => verb.start >= span.end);
  return (before ?? after)?.tense ?? context.read().sentenceTense();
}

/** Monday to Sunday of the week after ("next"), before ("last") or of ("this") the publication date. */
function weekRange(publishedAt: string, which: string): CandidateDate {
  const published = dayOf(publishedAt);
  const monday = published - ((new Date(published).getUTCDay() + 6) % 7) * DAY_MS;
  const shift = which === "next" ? 7 : which === "last" ? -7 : 0;
  const start = monday + shift * DAY_MS;
  return { start: isoDay(start), end: isoDay(start + 6 * DAY_MS), precision: "day" };
}

/** "in 2014", "since 2019": a year on its own (chrono leaves bare years alone). */
function findYears(sentenceText: string, base: number): FoundDate[] {
  const found: FoundDate[] = [];
  for (const match of sentenceText.matchAll(/\b(?:in|since|during)\s+((?:1[89]|20)\d{2})\b(?![,.]?\d)/gi)) {
    const start = base + (match.index ?? 0);
    found.push({ start, end: start + match[0].length, date: { start: match[1] as string, precision: "year" } });
  }
  return found;
}
