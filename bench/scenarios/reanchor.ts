// Re-anchoring (issue 14): N = 1,000 passage annotations on a 200 KiB document, re-anchored after a 5 %
// edit (inserted clauses, deleted stretches and changed words spread through the text), with anchorAll
// on this thread — the work the worker pool's "reanchor" task does on a revise. Target ≤ 0.5 s. Every
// passage's region is also followed through the edits, so an anchor outside it counts as wrong.
import { anchorAll, anchorAllDetailed, type QuoteSelector, selectorFor } from "@/lib/anchoring";
import { profileInProcess } from "../support/profile-in-process";
import { seededRandom } from "../support/seeded-random";
import { round } from "../support/stats";
import { type BenchContext, loadAverage, type ScenarioResult } from "./common";

const DOCUMENT_BYTES = 200 * 1024;
const SELECTORS = 1000;
const EDIT_SHARE = 0.05;
const TARGET_MS = 500;
const SEED = 20220124;

/** Seeded, so every run re-anchors the same document after the same edit. */
export const randomFrom = seededRandom;
export type Random = ReturnType<typeof randomFrom>;
const pick = <T>(random: Random, items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

const WHO = [
  "Western officials",
  "the duty officer",
  "a Ukrainian spokesman",
  "NATO planners",
  "the ministry",
  "observers in Minsk",
];
const SAW = ["reported", "confirmed", "could not confirm", "estimated", "noted", "denied"];
const WHAT = [
  "armoured columns",
  "field hospitals",
  "rail convoys",
  "air-defence batteries",
  "fuel depots",
  "landing ships",
];
const WHERE = [
  "near Yelnya",
  "outside Gomel",
  "north of Kharkiv",
  "in the Black Sea",
  "around Voronezh",
  "on the Belarus border",
];
const WHEN = [
  "on 18 January",
  "overnight",
  "late on 20 January",
  "by the weekend",
  "since mid-January",
  "on 24 January",
];

function sentence(random: Random) {
  const count = between(random, 2, 120) * 1000;
  return `${pick(random, WHO)} ${pick(random, SAW)} ${count.toLocaleString("en")} troops with ${pick(random, WHAT)} ${pick(random, WHERE)} ${pick(random, WHEN)}.`;
}

export function documentOf(random: Random): string {
  const paragraphs: string[] = [];
  let length = 0;
  while (length < DOCUMENT_BYTES) {
    const paragraph = Array.from({ length: between(random, 3, 7) }, () => sentence(random)).join(" ");
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join("\n\n").slice(0, DOCUMENT_BYTES);
}

/** Word-aligned passages of 20–200 code units at random places. */
function selectorsOn(text: string, random: Random): QuoteSelector[] {
  return Array.from({ length: SELECTORS }, () => {
    const from = text.indexOf(" ", between(random, 0, text.length - 400)) + 1;
    const to = text.indexOf(" ", from + between(random, 20, 200));
    return selectorFor(text, from, to);
  });
}

type Edit = { at: number; removed: number; inserted: string };

/** Non-overlapping edits until 5 % of the text's code units are inserted or removed. */
function editsFor(text: string, random: Random): Edit[] {
  const edits: Edit[] = [];
  let changed = 0;
  while (changed < EDIT_SHARE * text.length) {
    const at = text.indexOf(" ", between(random, 0, text.length - 100)) + 1;
    const kind = random();
    const edit =
      kind < 0.4
        ? { at, removed: text.indexOf(" ", at) - at, inserted: pick(random, [...WHAT, ...SAW]) } // a changed word
        : kind < 0.7
          ? { at, removed: 0, inserted: `${sentence(random)} ` } // an inserted clause
          : { at, removed: text.indexOf(" ", at + between(random, 10, 60)) - at, inserted: "" }; // a deleted stretch
    if (edits.some((other) => at <= other.at + other.removed + 1 && other.at <= at + edit.removed + 1)) continue;
    edits.push(edit);
    changed += edit.removed + edit.inserted.length;
  }
  return edits.sort((a, b) => a.at - b.at);
}

function applied(text: string, edits: Edit[]): string {
  let result = "";
  let from = 0;
  for (const edit of edits) {
    result += text.slice(from, edit.at) + edit.inserted;
    from = edit.at + edit.removed;
  }
  return result + text.slice(from);
}

/** Where an old index is after the edits (an index inside a removed stretch goes to where it was). */
function mappedThrough(edits: Edit[], index: number): number {
  let shift = 0;
  for (const edit of edits) {
    if (edit.at >= index) break;
    if (index < edit.at + edit.removed) return edit.at + shift;
    shift += edit.inserted.length - edit.removed;
  }
  return index + shift;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function runReanchor(context: BenchContext): Promise<ScenarioResult> {
  const started = loadAverage();
  const random = randomFrom(SEED);
  const original = documentOf(random);
  const selectors = selectorsOn(original, random);
  const edits = editsFor(original, random);
  const revised = applied(original, edits);
  context.log(`reanchor: ${selectors.length} passages, ${edits.length} edits, ${revised.length} code units`);

  const runs = context.quick ? 3 : 9;
  const timings: number[] = [];
  const cpuTimings: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const began = performance.now();
    const cpuBefore = process.cpuUsage();
    anchorAll(revised, selectors);
    const cpu = process.cpuUsage(cpuBefore);
    timings.push(performance.now() - began);
    cpuTimings.push((cpu.user + cpu.system) / 1000);
  }
  await profileInProcess("reanchor", () => anchorAll(revised, selectors));

  const found = anchorAllDetailed(revised, selectors);
  const count = (method: string) => found.filter((anchor) => anchor?.method === method).length;
  const wrong = found.filter((anchor, index) => {
    const selector = selectors[index];
    if (!anchor || !selector) return false;
    const region = { start: mappedThrough(edits, selector.start), end: mappedThrough(edits, selector.end) };
    return anchor.end <= region.start || anchor.start >= region.end;
  }).length;
  const touched = selectors.filter((selector) =>
    edits.some((edit) => edit.at < selector.end && selector.start < edit.at + Math.max(edit.removed, 1)),
  ).length;

  const ms = median(timings);
  const cpuMs = median(cpuTimings);
  const met = ms <= TARGET_MS && wrong === 0;
  const notes: string[] = [];
  if (ms > TARGET_MS) {
    notes.push(
      `anchorAll took ${round(ms, 0)} ms (median of ${runs}) on one thread, of which ${round(cpuMs, 0)} ms on the CPU: the machine is shared (load average ${started.join(", ")}).`,
    );
  }
  if (wrong > 0) notes.push(`${wrong} passages were anchored outside the region their text moved to.`);
  const row = (metric: string, unit: string, value: number) => ({ metric, unit, watchfloor: value, baseline: null });
  return {
    id: "reanchor",
    title: "Re-anchoring 1,000 passage annotations after a 5 % edit (lib/anchoring anchorAll)",
    status: "ran",
    loadAverage: started,
    parameters: {
      documentCodeUnits: original.length,
      revisedCodeUnits: revised.length,
      selectors: selectors.length,
      edits: edits.length,
      editShare: EDIT_SHARE,
      passagesTouchedByAnEdit: touched,
      runs,
    },
    rows: [
      row(`anchorAll median of ${runs}`, "ms", round(ms)),
      row("anchorAll slowest run", "ms", round(Math.max(...timings))),
      row(`anchorAll CPU time, median of ${runs}`, "ms", round(cpuMs)),
      row("anchored at the old position", "passages", count("position")),
      row("anchored exactly elsewhere", "passages", count("exact")),
      row("anchored approximately", "passages", count("approximate")),
      row("orphaned", "passages", found.filter((anchor) => anchor === null).length),
      row("anchored outside their passage's region (wrong)", "passages", wrong),
    ],
    target: "≤ 0.5 s to re-anchor 1,000 passages on a 200 KiB document, none anchored wrong",
    met,
    notes,
    usage: {},
  };
}
